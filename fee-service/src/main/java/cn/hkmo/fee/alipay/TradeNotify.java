package cn.hkmo.fee.alipay;

import java.time.OffsetDateTime;

/**
 * An asynchronous trade notify that passed the signature and the four business checks.
 *
 * @param paidAt {@code gmt_payment}, null when the trade is not paid
 */
public record TradeNotify(
        String notifyId,
        String outTradeNo,
        String tradeNo,
        String tradeStatus,
        long totalAmountFen,
        OffsetDateTime paidAt) {

    /** {@code TRADE_SUCCESS} and {@code TRADE_FINISHED} mean the money arrived; other states change nothing here. */
    public boolean paid() {
        return TradeStatus.isPaid(tradeStatus);
    }
}
