package cn.hkmo.eligibility.rules.materials;

import java.util.List;
import java.util.Optional;

/** Everything to bring, and what is waived (with the reason). */
public record MaterialsChecklist(List<MaterialItem> items, List<Waiver> waived) {

    public Optional<MaterialItem> item(String key) {
        return items.stream().filter(item -> item.key().equals(key)).findFirst();
    }

    public boolean requires(String key) {
        return item(key).isPresent();
    }
}
