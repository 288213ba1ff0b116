package cn.hkmo.eligibility.booking;

/** Where a booking stands for the counter. */
public enum BookingStatus {
    /** Booked; the citizen has not checked in. */
    BOOKED,
    /** Checked in at the hall: intake is open. */
    CHECKED_IN,
    /** A one-time notice was issued; intake stays open for the corrected materials. */
    INCOMPLETE,
    ACCEPTED,
    NOT_ACCEPTED,
    CANCELLED,
    NO_SHOW;

    public boolean openForIntake() {
        return this == CHECKED_IN || this == INCOMPLETE;
    }

    public boolean decided() {
        return this == ACCEPTED || this == NOT_ACCEPTED;
    }
}
