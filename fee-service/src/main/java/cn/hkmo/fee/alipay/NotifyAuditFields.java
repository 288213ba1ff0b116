package cn.hkmo.fee.alipay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is kept of a refused notify. Anyone can post one without a token, so only the parameters Alipay's
 * asynchronous trade notify defines are kept, each cut to {@link #MAX_VALUE_LENGTH} and all together to
 * {@link #MAX_KEPT_LENGTH}, the fields that identify the notify and its order first; everything else is counted, not
 * stored. A row then stays near the size of a genuine notify (1-3 KB) whatever was posted: before the total, one
 * post of the edge's 16 KB stored 16.6 KB (UnauthenticatedWriteBudgetIT).
 */
public final class NotifyAuditFields {

    /** Long enough for an RSA2 signature (344 Base64 characters for a 2048-bit key, 684 for 4096). */
    public static final int MAX_VALUE_LENGTH = 700;

    /** Characters kept of all the fields together: a genuine notify fits. */
    public static final int MAX_KEPT_LENGTH = 3_000;

    /**
     * The parameters of Alipay's trade notify (异步通知参数), as the platform and the SDK name them, in the order they
     * are kept: what identifies the notify, the order and the amounts first, so a large post cannot push them out.
     */
    static final List<String> KNOWN = List.of(
            "out_trade_no", "trade_no", "notify_id", "app_id", "trade_status", "total_amount", "notify_time",
            "notify_type", "sign_type", "charset", "version", "auth_app_id", "out_biz_no", "receipt_amount",
            "invoice_amount", "buyer_pay_amount", "point_amount", "refund_fee", "gmt_create", "gmt_payment",
            "gmt_refund", "gmt_close", "buyer_id", "buyer_open_id", "buyer_logon_id", "seller_id", "seller_email",
            "sign", "subject", "body", "fund_bill_list", "passback_params", "voucher_detail_list");

    private NotifyAuditFields() {
    }

    /** The known fields, bounded, and how many others were dropped. */
    public record Kept(Map<String, String> fields, int droppedFields) {
    }

    public static Kept of(Map<String, String> params) {
        Map<String, String> kept = new TreeMap<>();
        int remaining = MAX_KEPT_LENGTH;
        for (String name : KNOWN) {
            if (params.containsKey(name)) {
                String value = truncate(params.get(name), Math.min(MAX_VALUE_LENGTH, remaining));
                kept.put(name, value);
                remaining -= value == null ? 0 : value.length();
            }
        }
        return new Kept(kept, (int) params.keySet().stream().filter(name -> !KNOWN.contains(name)).count());
    }

    /** Notify fields are attacker-controlled until verified: never let their length fail the audit. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
