package cn.hkmo.kit.identity;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The columns of one table that hold values sealed by {@link PersonalDataCipher}. The service that owns the table
 * declares it as a bean ({@code @Produces @Singleton SealedColumns ...}), so that {@link Reencryption} re-seals the
 * rows under the current key after a rotation; the kit declares its own tables (outbox, idempotency keys).
 *
 * @param table         the table, in the service's schema
 * @param keyColumns    the columns of its primary key
 * @param sealedColumns the columns holding sealed values (null allowed)
 */
public record SealedColumns(String table, List<String> keyColumns, List<String> sealedColumns) {

    // Names go into SQL as they are: only plain lower-case identifiers, fixed in code, never from input.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public SealedColumns {
        keyColumns = List.copyOf(keyColumns);
        sealedColumns = List.copyOf(sealedColumns);
        if (keyColumns.isEmpty() || sealedColumns.isEmpty()) {
            throw new IllegalArgumentException(table + ": a key column and a sealed column at least");
        }
        for (String name : Stream.of(List.of(table), keyColumns, sealedColumns).flatMap(List::stream).toList()) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }

    /** A table with a one-column primary key. */
    public static SealedColumns of(String table, String keyColumn, String... sealedColumns) {
        return new SealedColumns(table, List.of(keyColumn), List.of(sealedColumns));
    }
}
