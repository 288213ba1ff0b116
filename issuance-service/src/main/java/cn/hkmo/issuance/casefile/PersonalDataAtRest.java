package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.identity.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The columns this service seals with its personal-data key, re-sealed by the kit's Reencryption after a rotation. */
@Singleton
public class PersonalDataAtRest {

    /** The applicant's and the proxy's resident IDs, and the delivery's recipient, mobile and address. */
    @Produces
    @Singleton
    SealedColumns caseFiles() {
        return SealedColumns.of("case_file", "application_no",
                "resident_id_sealed", "recipient_sealed", "mobile_sealed", "address_sealed", "proxy_id_sealed");
    }
}
