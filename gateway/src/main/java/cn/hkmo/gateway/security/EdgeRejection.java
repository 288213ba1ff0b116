package cn.hkmo.gateway.security;

import cn.hkmo.gateway.problem.GatewayError;

/** A request the edge turns away; carries the problem to answer with. */
public final class EdgeRejection extends RuntimeException {

    private final GatewayError error;
    private final transient Object[] args;

    public EdgeRejection(GatewayError error, Object... args) {
        super(error.name(), null, false, false);
        this.error = error;
        this.args = args;
    }

    public GatewayError error() {
        return error;
    }

    public Object[] args() {
        return args;
    }
}
