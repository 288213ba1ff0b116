package cn.hkmo.kit.document;

import cn.hkmo.kit.problem.ErrorCode;

/** The errors of printed documents; messages in the kit's {@code kit-problems*.properties}. */
public enum DocumentError implements ErrorCode {
    /** No document of the type has the code (mistyped, forged, or of another type). */
    DOCUMENT_NOT_FOUND(404);

    private final int status;

    DocumentError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
