package cn.hkmo.fee.alipay;

/** What the notify endpoint decides about one notify, before any order changes. */
public sealed interface NotifyVerdict {

    record Verified(TradeNotify trade) implements NotifyVerdict {
    }

    record Rejected(Reason reason, String detail) implements NotifyVerdict {
    }

    /** Why a notify is ignored; each one is audited. */
    enum Reason {
        BAD_SIGNATURE,
        UNKNOWN_ORDER,
        AMOUNT_MISMATCH,
        SELLER_MISMATCH,
        APP_MISMATCH,
        MALFORMED
    }
}
