package cn.hkmo.appointment.hall;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** Object mother: halls as the demo data has them. */
public final class Halls {

    private Halls() {
    }

    public static Hall chaoyang() {
        return new Hall("BJ-CHAOYANG", "北京市公安局朝阳分局出入境接待大厅",
                new Region("110000", "北京市", "110100", "北京市", "110105", "朝阳区"),
                "北京市朝阳区朝阳公园南路3号", new GeoPoint(39.9334, 116.4717), "010-85953800",
                OpeningPlan.weekdaysNineToFive(10), EnumSet.allOf(ApplicationCategory.class),
                EnumSet.allOf(EndorsementType.class), Duration.ofHours(2));
    }

    /** A hall that handles only renewals and reissues with tourism endorsements. */
    public static Hall renewalsOnly() {
        return new Hall("SZ-KIOSK", "深圳福田自助签注点",
                new Region("440000", "广东省", "440300", "深圳市", "440304", "福田区"),
                "深圳市福田区福田南路", new GeoPoint(22.5250, 114.0600), "0755-84465490",
                OpeningPlan.weekdaysNineToFive(5), Set.of(ApplicationCategory.RENEWAL, ApplicationCategory.REISSUE),
                Set.of(EndorsementType.G, EndorsementType.L), Duration.ofHours(2));
    }
}
