package cn.hkmo.fee.payment;

public enum Channel {
    ALIPAY,
    COUNTER
}
