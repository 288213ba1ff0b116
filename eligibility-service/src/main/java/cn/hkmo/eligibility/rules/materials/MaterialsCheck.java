package cn.hkmo.eligibility.rules.materials;

import cn.hkmo.eligibility.rules.InvalidRequestException;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter's check of the materials presented against the checklist: every item that is missing or
 * wrong, all at once, so the citizen is told once (一次性告知) [FAQ2 Q47].
 */
public final class MaterialsCheck {

    public static final RuleRef ONE_TIME_NOTICE = RuleRef.official("INTAKE.ONE_TIME_NOTICE", "[FAQ2 Q47]",
            "申请材料不齐全或者不符合法定形式的, 一次性告知申请人需要补正的全部内容");

    private MaterialsCheck() {
    }

    /**
     * @throws InvalidRequestException if a presented key is not on the checklist (a typo must not pass silently)
     */
    public static List<Deficiency> deficiencies(MaterialsChecklist checklist, Collection<Presented> presented) {
        Map<String, Presented> byKey = new LinkedHashMap<>();
        List<Violation> unknown = new ArrayList<>();
        int index = 0;
        for (Presented item : presented) {
            if (!checklist.requires(item.key())) {
                unknown.add(new Violation("materials[" + index + "].key", "UNKNOWN_MATERIAL",
                        item.key() + " is not on this application's checklist"));
            }
            byKey.put(item.key(), item);
            index++;
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
        List<Deficiency> deficiencies = new ArrayList<>();
        for (MaterialItem item : checklist.items()) {
            Presented found = byKey.get(item.key());
            if (found == null) {
                deficiencies.add(new Deficiency(item, Deficiency.Kind.MISSING, null));
            } else if (!found.acceptable()) {
                deficiencies.add(new Deficiency(item, Deficiency.Kind.DEFECTIVE, found.note()));
            }
        }
        return deficiencies;
    }
}
