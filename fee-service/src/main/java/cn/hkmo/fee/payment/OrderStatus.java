package cn.hkmo.fee.payment;

/** Where an order's money stands; refunds move a paid order on, so a refunded order never reads as paid. */
public enum OrderStatus {
    UNPAID,
    PAID,
    /** Expired unpaid; a payment that still arrives reopens it as PAID (money is never turned away). */
    CLOSED,
    /** Paid, and part of it refunded: what is left can still be refunded. */
    PARTIALLY_REFUNDED,
    /** Paid, and all of it refunded. */
    REFUNDED;

    /** Money was received (some or all of it may have gone back since). */
    boolean wasPaid() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
