package cn.hkmo.fee.simulator;

import cn.hkmo.fee.alipay.TradeStatus;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** One trade as the platform keeps it. Guarded by the {@link SimulatedPlatform} that owns it. */
final class SimulatedTrade {

    final String outTradeNo;
    final String tradeNo;
    final long totalFen;
    final String subject;
    final String buyerOpenId;
    final String notifyUrl;
    final OffsetDateTime createdAt;
    final OffsetDateTime expiresAt;
    final String buyerId;
    /** Where the mobile-web cashier sends the browser back (the latest {@code return_url}); none for other trades. */
    String returnUrl;
    String status = TradeStatus.WAIT_BUYER_PAY;
    OffsetDateTime paidAt;
    long refundedFen;
    /** Refunds by {@code out_request_no}: the platform does each request number once. */
    final Map<String, Long> refunds = new HashMap<>();

    SimulatedTrade(String outTradeNo, String tradeNo, long totalFen, String subject, String buyerOpenId,
                   String notifyUrl, OffsetDateTime createdAt, OffsetDateTime expiresAt, String buyerId) {
        this.outTradeNo = outTradeNo;
        this.tradeNo = tradeNo;
        this.totalFen = totalFen;
        this.subject = subject;
        this.buyerOpenId = buyerOpenId;
        this.notifyUrl = notifyUrl;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.buyerId = buyerId;
    }
}
