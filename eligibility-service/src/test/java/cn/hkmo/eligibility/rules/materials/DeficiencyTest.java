package cn.hkmo.eligibility.rules.materials;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.Notice;
import cn.hkmo.eligibility.rules.RuleRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeficiencyTest {

    private static final RuleRef RULE = RuleRef.official("R", "[FAQ2 Q57]", "test");

    private static MaterialItem item(String code, String qualifier, String forItem) {
        return new MaterialItem(code, qualifier, "港澳居民来往内地通行证", "Home-return permit", Form.COPY, Party.RELATIVE,
                List.of(), forItem, RULE);
    }

    @Test
    void theSameItemForHongKongAndForMacaoNamesItsRegion() {
        Notice hk = new Deficiency(item("RELATIVE_HOME_RETURN_PERMIT", "HK", "HK-T"), Deficiency.Kind.MISSING, null).notice();
        Notice mo = new Deficiency(item("RELATIVE_HOME_RETURN_PERMIT", "MO", "MO-T"), Deficiency.Kind.MISSING, null).notice();

        assertThat(hk.region()).isEqualTo(Destination.HK);
        assertThat(hk.description()).isEqualTo("缺少: 港澳居民来往内地通行证（香港）");
        assertThat(hk.descriptionEn()).isEqualTo("Missing: Home-return permit (Hong Kong)");
        assertThat(mo.region()).isEqualTo(Destination.MO);
        assertThat(mo.description()).isEqualTo("缺少: 港澳居民来往内地通行证（澳门）");
        assertThat(mo.descriptionEn()).isEqualTo("Missing: Home-return permit (Macao)");
        assertThat(hk.code()).isEqualTo("MISSING:RELATIVE_HOME_RETURN_PERMIT:HK");
    }

    @Test
    void anItemOfTheWholeApplicationNamesNoRegion() {
        Notice photo = new Deficiency(item("PHOTO", null, "PERMIT"), Deficiency.Kind.DEFECTIVE, "背景不符").notice();

        assertThat(photo.region()).isNull();
        assertThat(photo.description()).isEqualTo("不符合要求: 港澳居民来往内地通行证 (背景不符)");
        assertThat(photo.descriptionEn()).isEqualTo("Not acceptable: Home-return permit (背景不符)");
    }
}
