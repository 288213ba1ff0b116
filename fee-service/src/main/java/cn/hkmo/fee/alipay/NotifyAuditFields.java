package cn.hkmo.fee.alipay;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is kept of a refused notify. Anyone can post one without a token, so only the parameters Alipay's
 * asynchronous trade notify defines are kept, each cut to {@link #MAX_VALUE_LENGTH}; everything else is
 * counted, not stored. A row then stays under a few kilobytes whatever was posted.
 */
public final class NotifyAuditFields {

    /** Long enough for an RSA2 signature (344 Base64 characters for a 2048-bit key, 684 for 4096). */
    public static final int MAX_VALUE_LENGTH = 700;

    /** The parameters of Alipay's trade notify (异步通知参数), as the platform and the SDK name them. */
    static final Set<String> KNOWN = Set.of(
            "notify_time", "notify_type", "notify_id", "app_id", "auth_app_id", "charset", "version", "sign_type",
            "sign", "trade_no", "out_trade_no", "out_biz_no", "buyer_id", "buyer_open_id", "buyer_logon_id",
            "seller_id", "seller_email", "trade_status", "total_amount", "receipt_amount", "invoice_amount",
            "buyer_pay_amount", "point_amount", "refund_fee", "subject", "body", "gmt_create", "gmt_payment",
            "gmt_refund", "gmt_close", "fund_bill_list", "passback_params", "voucher_detail_list");

    private NotifyAuditFields() {
    }

    /** The known fields, bounded, and how many others were dropped. */
    public record Kept(Map<String, String> fields, int droppedFields) {
    }

    public static Kept of(Map<String, String> params) {
        Map<String, String> kept = new TreeMap<>();
        int dropped = 0;
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (KNOWN.contains(param.getKey())) {
                kept.put(param.getKey(), truncate(param.getValue(), MAX_VALUE_LENGTH));
            } else {
                dropped++;
            }
        }
        return new Kept(kept, dropped);
    }

    /** Notify fields are attacker-controlled until verified: never let their length fail the audit. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
