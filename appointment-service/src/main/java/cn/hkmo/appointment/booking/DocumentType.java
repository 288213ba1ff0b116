package cn.hkmo.appointment.booking;

/**
 * The document an appointment is for (证件类型). The booking screens list all three; this service
 * books only the Hong Kong-Macao permit and refuses the others with a clear code.
 */
public enum DocumentType {
    /** 往来港澳通行证 (with endorsements). */
    HK_MACAO_PERMIT,
    /** 普通护照. */
    PASSPORT,
    /** 往来台湾通行证. */
    TAIWAN_PERMIT
}
