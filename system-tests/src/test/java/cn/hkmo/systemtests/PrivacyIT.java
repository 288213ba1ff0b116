package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resident ID numbers at rest and in answers: a synthetic citizen's journey up to payment fills every service's
 * tables, then
 * <ul>
 *   <li>no row of any table of the four service databases contains a resident ID in clear (the whole row as text is
 *       searched for every resident ID the tests use), the outboxes included: the {@code appointment.booked.v1} /
 *       {@code application.accepted.v1} envelopes carry the applicant to the services that need the number, and wait
 *       sealed with the service's key until published (and then for the outbox's retention);</li>
 *   <li>the booking is found by a keyed hash: the same 64-hex value on every booking of the citizen, not the unkeyed
 *       SHA-256 of the number;</li>
 *   <li>every API answer the owner, the officer, the reviewer, the admin, the courier and the partner get about the
 *       citizen shows the number masked ({@code 110105********123X}) or not at all.</li>
 * </ul>
 * The log scan is {@link LogScanIT} (it runs last).
 */
@SystemTest
@Tag("deadlines") // also run with the clock moved into years without a holiday notice (POM)
class PrivacyIT {

    private static Citizen citizen;
    private static Booking booking;
    private static String applicationNo;
    private static String orderNo;

    @BeforeAll
    static void aJourneyUpToPayment() {
        citizen = Citizens.create("privacy", 1).get(0);
        booking = Steps.book(citizen.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 3), Citizens.REGION,
                Steps.ems("测试", "北京市朝阳区测试路2号")));
        Steps.book(citizen.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 4), Citizens.REGION, Steps.atHall()));
        applicationNo = Steps.checkInAndAccept("officer.bj", booking);
        orderNo = Steps.pay(citizen.token(), applicationNo);
        Steps.awaitTimelineStep(citizen.token(), applicationNo, "PAID");
    }

    @Test
    @DisplayName("no table stores a resident ID in clear, the outboxes' event envelopes included")
    void storedEncrypted() {
        Set<String> ids = new LinkedHashSet<>(Citizens.allResidentIds());
        ids.addAll(LogScanIT.DEMO_IDS);
        String[] patterns = ids.stream().map(id -> "%" + id + "%").toArray(String[]::new);
        List<String> clear = new ArrayList<>();
        for (String db : Db.SERVICE_DATABASES) {
            for (String table : Db.tables(db)) {
                long n = countLike(db, table, patterns);
                if (n > 0) {
                    clear.add(db + "." + table + ": " + n + " rows");
                }
            }
        }
        assertThat(clear).as("tables with a resident ID in clear").isEmpty();
        // the event that carried the applicant to eligibility-service was there, sealed
        assertThat(Db.column("appointment", "select envelope from outbox_event where message_key = ? and type = 'appointment.booked.v1'",
                booking.bookingNo())).singleElement().asString().matches("[a-z0-9]+:[A-Za-z0-9+/=]+");
        // the booking's personal data is sealed (AES-GCM with a key id prefix), its lookup key a keyed hash
        List<Map<String, String>> rows = Db.rows("appointment",
                "select citizen_hash, personal_data::text as sealed from booking where booking_no = ?", booking.bookingNo());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("sealed")).doesNotContain(citizen.residentId()).doesNotContain(citizen.residentId().substring(6, 14));
        String hash = rows.get(0).get("citizen_hash");
        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(sha256(citizen.residentId()));
        assertThat(Db.column("appointment", "select distinct citizen_hash from booking where citizen_subject = ?",
                Tokens.claims(citizen.token()).get("sub"))).containsExactly(hash);
    }

    @Test
    @DisplayName("answers about the citizen show the resident ID masked or not at all, whoever asks")
    void maskedInEveryAnswer() {
        String id = citizen.residentId();
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        List<String[]> calls = List.of(
                new String[]{"citizen", "/api/v1/bookings"},
                new String[]{"citizen", "/api/v1/bookings/" + booking.bookingNo()},
                new String[]{"citizen", "/api/v1/bookings/" + booking.bookingNo() + ".ics"},
                new String[]{"citizen", "/api/v1/intake/my/applications"},
                new String[]{"citizen", "/api/v1/fees/orders/mine"},
                new String[]{"citizen", "/api/v1/fees/orders/" + orderNo},
                new String[]{"citizen", "/api/v1/cases/mine"},
                new String[]{"citizen", "/api/v1/cases/" + applicationNo},
                new String[]{"citizen", "/api/v1/timeline/" + applicationNo},
                new String[]{"citizen", "/api/v1/messages?size=100"},
                new String[]{"citizen", "/api/v1/messages/preferences"},
                new String[]{"officer.bj", "/api/v1/officer/bookings?date=" + booking.window().date()},
                new String[]{"officer.bj", "/api/v1/intake/bookings"},
                new String[]{"officer.bj", "/api/v1/fees/orders/hall"},
                new String[]{"officer.bj", "/api/v1/cases/" + applicationNo},
                new String[]{"officer.bj", "/api/v1/timeline/" + applicationNo},
                new String[]{"reviewer.bj", "/api/v1/cases/review-queue?hallId=BJ-CHAOYANG"},
                new String[]{"reviewer.bj", "/api/v1/cases/" + applicationNo},
                new String[]{"admin", "/api/v1/fees/orders/" + orderNo},
                new String[]{"admin", "/api/v1/cases/" + applicationNo},
                new String[]{"supervisor", "/api/v1/cases/near-deadline?workingDays=20"});
        List<String> leaks = new ArrayList<>();
        int maskedSeen = 0;
        for (String[] call : calls) {
            String token = call[0].equals("citizen") ? citizen.token() : Tokens.of(call[0]);
            Response r = call[1].endsWith(".ics") ? Api.withToken(token).accept("text/calendar").get(call[1])
                    : Api.withToken(token).get(call[1]);
            assertThat(r.statusCode()).as(call[0] + " " + call[1] + ": " + r.asString()).isEqualTo(200);
            String body = r.asString();
            if (body.contains(id) || body.contains(id.substring(0, 17))) {
                leaks.add(call[0] + " GET " + call[1]);
            }
            if (call[1].startsWith("/api/v1/messages") && body.contains(citizen.mobile())) {
                leaks.add(call[0] + " GET " + call[1] + " (the mobile in clear)");
            }
            if (body.contains(masked)) {
                maskedSeen++;
            }
        }
        // the approved and issued case for the courier: EMS mailings carry the address, not the number
        Steps.approve("reviewer.bj", applicationNo);
        Steps.awaitCaseStatus("reviewer.bj", applicationNo, "ISSUED");
        Response mailings = Api.withToken(Tokens.courier()).get("/api/v1/courier/mailings");
        assertThat(mailings.asString()).contains(applicationNo);
        if (mailings.asString().contains(id)) {
            leaks.add("courier GET /api/v1/courier/mailings");
        }
        System.out.println("[privacy] " + (calls.size() + 1) + " answers checked, masked number shown in " + maskedSeen);
        assertThat(leaks).as("answers with the full resident ID").isEmpty();
        assertThat(maskedSeen).as("answers showing the masked number").isPositive();
    }

    private static long countLike(String db, String table, String[] patterns) {
        try (var c = Db.connect(db);
                var ps = c.prepareStatement("select count(*) from " + table + " t where t::text like any (?)")) {
            ps.setArray(1, c.createArrayOf("text", patterns));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
