package cn.hkmo.kit.problem;

import java.sql.SQLException;

/**
 * Tells a database that cannot serve the request right now (connection pool exhausted under a rush, database
 * restarting) from a bug: the first is back-pressure the client should retry (503 with {@code Retry-After}),
 * not an internal error. Consumers retry it until it ends ({@code inbox.DeliveryRetry}).
 */
public final class DatabaseUnavailable {

    /** Agroal's message when no connection frees up within {@code quarkus.datasource.jdbc.acquisition-timeout}. */
    private static final String POOL_TIMEOUT = "acquisition timeout";
    /** SQLSTATE class 08: connection exception (refused, lost, server shutting down). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE 57P01..57P03: admin shutdown, crash shutdown, cannot connect now (PostgreSQL). */
    private static final String OPERATOR_INTERVENTION_CLASS = "57P";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return SqlFailures.anyInChain(failure, DatabaseUnavailable::unavailable);
    }

    private static boolean unavailable(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION_CLASS))
                || sql.getMessage() != null && sql.getMessage().contains(POOL_TIMEOUT);
    }
}
