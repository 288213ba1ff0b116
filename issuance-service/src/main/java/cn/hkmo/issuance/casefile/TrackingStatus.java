package cn.hkmo.issuance.casefile;

/** Where an EMS mailing stands, as EMS reports it (邮件状态), in the order a delivery passes them. */
public enum TrackingStatus {
    /** 已交寄: EMS took the permit (the dispatch). */
    POSTED,
    /** 运输中: scanned on the way, at a sorting centre. */
    IN_TRANSIT,
    /** 派送中: with the postman for delivery. */
    OUT_FOR_DELIVERY,
    /** 退回: EMS could not deliver and sends it back to the hall (the office follows it up; the case stays dispatched). */
    RETURNED,
    /** 已签收: handed over (the delivery). */
    DELIVERED
}
