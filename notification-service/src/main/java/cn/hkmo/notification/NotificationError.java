package cn.hkmo.notification;

import cn.hkmo.kit.problem.ErrorCode;

/** The notification service's stable error codes; messages in {@code problems.properties} and {@code problems_en.properties}. */
public enum NotificationError implements ErrorCode {
    /** Also for another citizen's message: its existence does not leak. */
    MESSAGE_NOT_FOUND(404),
    DELIVERY_NOT_FOUND(404),
    DELIVERY_NOT_DEAD(409);

    private final int status;

    NotificationError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
