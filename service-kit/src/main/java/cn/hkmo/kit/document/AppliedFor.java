package cn.hkmo.kit.document;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.IssuedEndorsement;

import java.time.Period;

/** What was applied for, in the words the documents print (申请事项). */
public final class AppliedFor {

    private AppliedFor() {
    }

    /** {@code 往来港澳通行证 首次申请}. */
    public static String category(ApplicationCategory category) {
        return "往来港澳通行证 " + switch (category) {
            case FIRST_APPLICATION -> "首次申请";
            case REAPPLICATION -> "失效重新申领";
            case REISSUE -> "补发";
            case RENEWAL -> "换发";
            case ENDORSEMENT_ONLY -> "再次签注";
        };
    }

    /** {@code 香港 G 签注 一年多次}. */
    public static String endorsement(IssuedEndorsement e) {
        String destination = e.destination() == Destination.HK ? "香港" : "澳门";
        String entries = e.entries() == null ? "" : switch (e.entries()) {
            case SINGLE -> "一次";
            case DOUBLE -> "二次";
            case MULTIPLE -> "多次";
        };
        return destination + " " + e.type() + " 签注 " + validity(e.validity()) + entries;
    }

    private static String validity(String iso) {
        if (iso == null) {
            return "";
        }
        Period period = Period.parse(iso);
        if (period.getYears() > 0 && period.getMonths() == 0) {
            return period.getYears() + "年";
        }
        return period.toTotalMonths() + "个月";
    }
}
