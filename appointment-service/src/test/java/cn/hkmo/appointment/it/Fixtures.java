package cn.hkmo.appointment.it;

import cn.hkmo.appointment.booking.Citizen;
import cn.hkmo.appointment.hall.GeoPoint;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.HallService;
import cn.hkmo.appointment.hall.OpeningPlan;
import cn.hkmo.appointment.hall.Region;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.platform.test.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test data: clean tables, halls made for a test, tokens of the realm's users, synthetic citizens. */
@ApplicationScoped
public class Fixtures {

    public static final LocalDate TUESDAY = LocalDate.of(2026, 9, 15);
    private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private final EntityManager entityManager;
    private final HallService halls;
    private final TestClock clock;

    public Fixtures(EntityManager entityManager, HallService halls, TestClock clock) {
        this.entityManager = entityManager;
        this.halls = halls;
        this.clock = clock;
    }

    /** Every booking-side table emptied, the clock back at the start; halls stay. */
    public void reset() {
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> List.of("delete from priority_rebook", "delete from booking",
                        "delete from slot_hold", "delete from waitlist_entry", "delete from slot_capacity", "delete from hall_closure",
                        // closures deleted behind the service's back, as another instance would: it bumps the revision too
                        "update hall set revision = revision + 1", "delete from idempotency_key")
                .forEach(sql -> entityManager.createNativeQuery(sql).executeUpdate()));
    }

    /** A Beijing (Chaoyang) hall open every day 09:00–17:00 without lunch break, 30-minute windows. */
    public Hall hall(String id, int capacity) {
        return hall(id, capacity, Duration.ofHours(2));
    }

    /** The same hall with its own change deadline ({@code cutOff} before a window). */
    public Hall hall(String id, int capacity, Duration cutOff) {
        Hall hall = new Hall(id, "测试大厅 " + id, new Region("110000", "北京市", "110100", "北京市", "110105", "朝阳区"),
                "北京市朝阳区测试路1号", new GeoPoint(40.30, 116.90), "010-00000000",
                new OpeningPlan(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(17, 0), null, null,
                        Duration.ofMinutes(30), capacity),
                EnumSet.allOf(ApplicationCategory.class), EnumSet.allOf(EndorsementType.class), cutOff);
        QuarkusTransaction.requiringNew().run(() -> {
            if (halls.find(id).isEmpty()) {
                halls.create(hall);
            } else {
                halls.update(hall);
            }
        });
        return hall;
    }

    public static String token(String user) {
        String[] cached = TOKENS.get(user);
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis()) {
            return cached[0];
        }
        String token = KeycloakTokens.password(user);
        TOKENS.put(user, new String[]{token, String.valueOf(System.currentTimeMillis() + 60_000)});
        return token;
    }

    public static String partnerToken() {
        return KeycloakTokens.clientCredentials("alipay-partner", "alipay-partner-secret");
    }

    /** A verified citizen who is not in the realm: for rushes larger than the realm's five citizens. */
    public static Citizen syntheticCitizen(int n) {
        String body = "110105" + LocalDate.of(1980, 1, 1).plusDays(n / 900).toString().replace("-", "")
                + String.format("%03d", 100 + n % 900);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return new Citizen("synthetic-" + n, body + "10X98765432".charAt(sum % 11), "测试" + n, "139" + String.format("%08d", n));
    }

    /** A complete booking form for a Beijing hukou, as JSON. */
    public static Map<String, Object> form(String hallId, LocalDate date, String windowStart) {
        Map<String, Object> form = new HashMap<>();
        form.put("hukouRegion", "110105");
        form.put("hallId", hallId);
        form.put("date", date.toString());
        form.put("windowStart", windowStart);
        form.put("emergencyContact", Map.of("name", "张丽", "mobile", "13912345678"));
        form.put("delivery", Map.of("method", "HALL"));
        form.put("documentType", "HK_MACAO_PERMIT");
        form.put("category", "FIRST_APPLICATION");
        form.put("endorsements", List.of(Map.of("destination", "HK", "type", "G")));
        return form;
    }

    public int taken(String hallId, LocalDate date, LocalTime start) {
        Object taken = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select coalesce(sum(taken), 0) from slot_capacity where hall_id = :h and slot_date = :d and window_start = :s")
                .setParameter("h", hallId).setParameter("d", date).setParameter("s", start).getSingleResult());
        return ((Number) taken).intValue();
    }

    public long bookings(String hallId, LocalDate date, LocalTime start) {
        Object count = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select count(*) from booking where hall_id = :h and slot_date = :d and window_start = :s and status = 'BOOKED'")
                .setParameter("h", hallId).setParameter("d", date).setParameter("s", start).getSingleResult());
        return ((Number) count).longValue();
    }
}
