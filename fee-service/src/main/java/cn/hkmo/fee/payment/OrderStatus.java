package cn.hkmo.fee.payment;

public enum OrderStatus {
    UNPAID,
    PAID,
    /** Expired unpaid; a payment that still arrives reopens it as PAID (money is never turned away). */
    CLOSED
}
