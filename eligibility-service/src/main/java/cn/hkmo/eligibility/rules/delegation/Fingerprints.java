package cn.hkmo.eligibility.rules.delegation;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.rules.RuleRef;

/** Fingerprint requirement of an application (docs/domain.md#r-materials [FP14] [FAQ2 Q31] [FAQ2 Q42]). */
public final class Fingerprints {

    public static final RuleRef ADULT = RuleRef.official("FINGERPRINTS.ADULT", "[FP14] [FAQ2 Q31] [FAQ2 Q47]",
            "16周岁以上申请电子通行证须按规定采集或核验指纹 (手指缺失或损伤的除外)");
    public static final RuleRef SAME_PROVINCE = RuleRef.official("FINGERPRINTS.ON_FILE", "[FP14]",
            "已在本省办理电子护照时采集过指纹的, 可不再采集, 予以核验");
    public static final RuleRef UNDER_16 = RuleRef.official("FINGERPRINTS.UNDER_16", "[FAQ2 Q42]",
            "根据监护人意见, 可以不采集16周岁以下申请人的指纹");

    public record Decision(FingerprintRequirement requirement, RuleRef rule) {
    }

    private Fingerprints() {
    }

    /**
     * @param onFileProvince province code where fingerprints are stored, null if none
     * @param officeProvince province code of the office applied at
     */
    public static Decision decide(ApplicationCategory category, int age, String onFileProvince, String officeProvince) {
        if (category == ApplicationCategory.ENDORSEMENT_ONLY) {
            return new Decision(FingerprintRequirement.NOT_REQUIRED, null);
        }
        if (age < 16) {
            return new Decision(FingerprintRequirement.GUARDIAN_DISCRETION, UNDER_16);
        }
        if (onFileProvince != null && onFileProvince.equals(officeProvince)) {
            return new Decision(FingerprintRequirement.VERIFY, SAME_PROVINCE);
        }
        return new Decision(FingerprintRequirement.COLLECT, ADULT);
    }
}
