package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.Notice;
import cn.hkmo.eligibility.rules.materials.Presented;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON columns mapped by the entities read the rows written before, and write them to the letter as before. */
class StoredJsonTest {

    @Test
    void aNoticeIsStoredAsBefore() {
        String stored = "[{\"code\":\"MISSING:PHOTO\",\"description\":\"缺少: 照片（香港）\",\"region\":\"HK\","
                + "\"descriptionEn\":\"Missing: photo (Hong Kong)\"}]";
        List<Notice> items = List.of(new Notice("MISSING:PHOTO", "缺少: 照片（香港）", Destination.HK, "Missing: photo (Hong Kong)"));

        CorrectionNotice.ItemsColumn column = new CorrectionNotice.ItemsColumn();

        assertThat(column.convertToDatabaseColumn(items)).isEqualTo(stored);
        assertThat(column.convertToEntityAttribute(stored)).isEqualTo(items);
    }

    @Test
    void aNoticeStoredBeforeTheRegionReadsWithoutIt() {
        List<Notice> items = new CorrectionNotice.ItemsColumn()
                .convertToEntityAttribute("[{\"code\":\"MISSING:PHOTO\",\"description\":\"缺少: 照片\"}]");

        assertThat(items).containsExactly(new Notice("MISSING:PHOTO", "缺少: 照片", null, null));
    }

    @Test
    void theItemsPresentedAreStoredAsBefore() {
        String stored = "[{\"key\":\"PHOTO\",\"acceptable\":false,\"note\":\"blurred\"},"
                + "{\"key\":\"ID_CARD\",\"acceptable\":true,\"note\":null}]";
        List<Presented> presented = List.of(new Presented("PHOTO", false, "blurred"), new Presented("ID_CARD", true, null));

        IntakeRecord.PresentedColumn column = new IntakeRecord.PresentedColumn();

        assertThat(column.convertToDatabaseColumn(presented)).isEqualTo(stored);
        assertThat(column.convertToEntityAttribute(stored)).isEqualTo(presented);
    }
}
