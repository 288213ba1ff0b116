package cn.hkmo.fee.alipay;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Alipay's trade states and its time format (Beijing time, no offset). */
public final class TradeStatus {

    public static final String WAIT_BUYER_PAY = "WAIT_BUYER_PAY";
    public static final String TRADE_SUCCESS = "TRADE_SUCCESS";
    public static final String TRADE_FINISHED = "TRADE_FINISHED";
    public static final String TRADE_CLOSED = "TRADE_CLOSED";

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private TradeStatus() {
    }

    public static boolean isPaid(String status) {
        return TRADE_SUCCESS.equals(status) || TRADE_FINISHED.equals(status);
    }

    public static String format(OffsetDateTime time) {
        return time.atZoneSameInstant(BEIJING).format(TIME);
    }

    public static OffsetDateTime parse(String time) {
        return time == null || time.isBlank() ? null : LocalDateTime.parse(time, TIME).atOffset(BEIJING);
    }
}
