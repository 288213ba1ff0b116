package cn.hkmo.kit.document;

/**
 * The documents the suite prints, with their titles and the public path that verifies one of them. Each service
 * answers the verifications of the types it issues (the gateway routes the path to it).
 */
public enum DocumentType {
    /** 受理回执: the counter accepted the application (eligibility-service). */
    ACCEPTANCE_RECEIPT("受理回执", "Acceptance receipt", "receipts"),
    /** 不予批准决定书: the application was refused (issuance-service). */
    REFUSAL_DECISION("不予批准决定书", "Decision not to approve", "refusal-decisions");

    /** Where the verifications live; {@code GET <prefix>/<type's segment>/<code>}. */
    public static final String VERIFICATION_PREFIX = "/api/v1/verifications/";

    private final String titleZh;
    private final String titleEn;
    private final String pathSegment;

    DocumentType(String titleZh, String titleEn, String pathSegment) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.pathSegment = pathSegment;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    /** The path a reader of the printed document follows to check it. */
    public String verificationPath(String code) {
        return VERIFICATION_PREFIX + pathSegment + "/" + code;
    }
}
