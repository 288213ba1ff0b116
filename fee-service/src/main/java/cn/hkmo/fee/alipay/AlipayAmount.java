package cn.hkmo.fee.alipay;

import java.math.BigDecimal;

/** Alipay speaks yuan with two decimals; everything else speaks fen. Conversions are exact or fail. */
public final class AlipayAmount {

    private AlipayAmount() {
    }

    public static String toYuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** {@code "90.00"} → 9000; anything that is not a whole number of fen throws {@link NumberFormatException}. */
    public static long toFen(String yuan) {
        if (yuan == null) {
            throw new NumberFormatException("no amount");
        }
        try {
            return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("not a whole number of fen: " + yuan);
        }
    }
}
