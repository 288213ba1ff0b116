package cn.hkmo.kit.problem;

import java.sql.SQLException;
import java.util.function.Predicate;

/** Reads what the database said from a failure's cause chain (Hibernate and Agroal wrap the driver's exception). */
final class SqlFailures {

    /** SQLSTATE 22021 and 22P05: text the database cannot store, such as a NUL character in a parameter. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    private static final String UNTRANSLATABLE_CHARACTER = "22P05";

    private SqlFailures() {
    }

    static boolean anyInChain(Throwable failure, Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && test.test(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request carried characters PostgreSQL refuses in text (a {@code %00} in a query parameter): bad input,
     * whichever field it was in, never a server error.
     */
    static boolean isUnstorableText(Throwable failure) {
        return anyInChain(failure, sql -> CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())
                || UNTRANSLATABLE_CHARACTER.equals(sql.getSQLState()));
    }
}
