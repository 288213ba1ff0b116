package cn.hkmo.kit.paging;

import cn.hkmo.kit.problem.ErrorCode;

/** Field-level reasons a page request is refused; the request as a whole answers {@code VALIDATION_FAILED}. */
public enum PagingError implements ErrorCode {
    PAGE_OUT_OF_RANGE(400),
    PAGE_SIZE_OUT_OF_RANGE(400);

    private final int status;

    PagingError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
