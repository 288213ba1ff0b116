package cn.hkmo.systemtests.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Read-only looks into the services' databases (user = password = database name), for what the API cannot show:
 * rows per acknowledged request, the outbox backlog, the inbox, how personal data is stored; and one write that stands
 * in for the passing of days ({@link #moveBookingToYesterday}).
 */
public final class Db {

    public static final List<String> SERVICE_DATABASES = List.of("appointment", "eligibility", "fee", "issuance", "notification");

    private Db() {
    }

    public static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(Suite.get().platform().jdbcUrl(db), db, db);
    }

    /** The first column of every row, as strings. */
    public static List<String> column(String db, String sql, Object... args) {
        List<String> out = new ArrayList<>();
        query(db, sql, args, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** Every row as column name → text. */
    public static List<Map<String, String>> rows(String db, String sql, Object... args) {
        List<Map<String, String>> out = new ArrayList<>();
        query(db, sql, args, rs -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
            }
            out.add(row);
        });
        return out;
    }

    public static long count(String db, String sql, Object... args) {
        List<String> c = column(db, sql, args);
        return c.isEmpty() || c.get(0) == null ? 0 : Long.parseLong(c.get(0));
    }

    /** The tables of the service's own schema (public). */
    public static List<String> tables(String db) {
        return column(db, "select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' and table_name not like 'flyway%' order by 1");
    }

    /**
     * What {@code snapshot} reads once it has not changed for longer than a job sweep and every outbox is empty: the
     * events of earlier tests have settled, and so has what a sweep does after them (a booking is reminded up to
     * {@link Suite#JOB_SWEEP} after it is made; two equal readings 500 ms apart once missed that).
     */
    public static <T> T atRest(Supplier<T> snapshot) {
        Duration quietFor = Suite.JOB_SWEEP.plusSeconds(1);
        AtomicReference<T> last = new AtomicReference<>();
        AtomicLong unchangedSince = new AtomicLong();
        await("the databases at rest").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            T now = snapshot.get();
            if (!now.equals(last.get())) {
                last.set(now);
                unchangedSince.set(System.nanoTime());
                return false;
            }
            return System.nanoTime() - unchangedSince.get() >= quietFor.toNanos() && outboxBacklog() == 0;
        });
        return last.get();
    }

    /**
     * Waits until no hold will lapse within {@code window}. A hold that lapses (another test's place offered to the
     * next citizen on a waitlist, every 5 minutes while the list lasts) makes the platform write on its own: the
     * event, the next offer, its text. A caller that counts the rows its own requests wrote starts after that.
     */
    public static void noHoldLapsingWithin(Duration window) {
        // the lapse itself, then the hold sweep (every 30 s) and the offer's events
        await("no hold lapsing within " + window).atMost(window.plusMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("appointment", "select count(*) from slot_hold where status = 'ACTIVE' and expires_at < ?",
                        Suite.now().plus(window).toOffsetDateTime()) == 0);
    }

    /**
     * The one write: a booking's day moved to yesterday, standing in for the days a test cannot wait (a missed window
     * becomes a no-show only once its check-in has closed). Everything after it is the services' own doing.
     */
    public static void moveBookingToYesterday(String bookingNo) {
        try (Connection c = connect("appointment"); PreparedStatement ps = c.prepareStatement(
                "update booking set slot_date = ? where booking_no = ? and status = 'BOOKED'")) {
            ps.setObject(1, Suite.today().minusDays(1));
            ps.setString(2, bookingNo);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no booked booking " + bookingNo);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("appointment: " + e.getMessage(), e);
        }
    }

    /** Rows in the outbox not yet published, over the four service databases. */
    public static long outboxBacklog() {
        long n = 0;
        for (String db : SERVICE_DATABASES) {
            n += count(db, "select count(*) from outbox_event where published_at is null");
        }
        return n;
    }

    private interface RowHandler {
        void on(ResultSet rs) throws SQLException;
    }

    private static void query(String db, String sql, Object[] args, RowHandler handler) {
        try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.on(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
