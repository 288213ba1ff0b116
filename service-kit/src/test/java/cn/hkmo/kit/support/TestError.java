package cn.hkmo.kit.support;

import cn.hkmo.kit.problem.ErrorCode;

/** How a service declares its codes; messages in src/test/resources/problems*.properties. */
public enum TestError implements ErrorCode {
    SLOT_FULL(409),
    PEOPLE_TOO_MANY(400);

    private final int status;

    TestError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
