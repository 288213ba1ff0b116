package cn.hkmo.kit.calendar;

import cn.hkmo.kit.support.CalendarFile;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The run-time layers of the calendar on the real database: the ops file and the stored notices. */
@QuarkusTest
class CalendarSourceIT {

    @Inject
    CalendarSource source;
    @Inject
    @Readiness
    CalendarHealthCheck health;
    @Inject
    Changes changes;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry meters;

    @AfterEach
    void backToTheBundledYears() {
        CalendarFile.write("{\"years\": []}");
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from calendar_notice").executeUpdate();
            entityManager.createNativeQuery("delete from calendar_notice_audit").executeUpdate();
        });
        source.refresh();
        changes.seen.clear();
    }

    @Test
    void a_changed_file_is_taken_without_a_restart_and_observers_hear_of_it() {
        assertThat(source.current().isPublished(2027)).isFalse();
        CalendarFile.write("{\"years\": [" + Notices.YEAR_2027.toJson() + "]}");
        source.refresh();
        assertThat(source.current().publishedYears()).containsExactly(2025, 2026, 2027);
        assertThat(changes.seen).singleElement().satisfies(c -> {
            assertThat(c.previous().publishedYears()).containsExactly(2025, 2026);
            assertThat(c.current().notice(2027)).get().extracting(HolidayNotice::sha256).isEqualTo(Notices.YEAR_2027.sha256());
        });
        source.refresh();
        assertThat(changes.seen).as("an unchanged file changes nothing").hasSize(1);
        assertThat(meters.get("hkmo.calendar.published.until").gauge().value())
                .isEqualTo(LocalDate.of(2027, 12, 31).toEpochDay() * 86_400.0);
    }

    @Test
    void a_file_that_no_longer_validates_is_reported_and_the_last_good_one_kept() {
        CalendarFile.write("{\"years\": [" + Notices.YEAR_2027.toJson() + "]}");
        source.refresh();
        CalendarFile.write("{\"years\": [{\"year\": 2028, \"notice\": \"typo\", \"holidays\": []}]}");
        source.refresh();
        assertThat(source.current().publishedYears()).containsExactly(2025, 2026, 2027);
        assertThat(source.fileProblem()).get().asString().contains("2028");
        HealthCheckResponse answer = health.call();
        assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(answer.getData()).get().satisfies(d -> assertThat(d.get("fileRefused").toString()).contains("2028"));
    }

    @Test
    void a_file_that_disappears_for_a_while_keeps_the_calendar_and_is_taken_again_when_back() throws Exception {
        String notices = "{\"years\": [" + Notices.YEAR_2027.toJson() + "]}";
        CalendarFile.write(notices);
        source.refresh();
        java.nio.file.Files.delete(CalendarFile.PATH);
        source.refresh();
        assertThat(source.current().isPublished(2027)).isTrue();
        assertThat(source.fileProblem()).isPresent();
        CalendarFile.write(notices);
        source.refresh();
        assertThat(source.fileProblem()).isEmpty();
        assertThat(source.current().isPublished(2027)).isTrue();
    }

    @Test
    void a_stored_notice_is_audited_once_and_read_back_by_every_refresh() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
        assertThat(QuarkusTransaction.requiringNew().call(() -> source.store(Notices.YEAR_2027, "ADMIN_API", "admin", at))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> source.store(Notices.YEAR_2027, "ADMIN_API", "admin", at)))
                .as("the same notice again").isFalse();
        assertThat(count("calendar_notice_audit")).isEqualTo(1);
        source.refresh();
        assertThat(source.current().notice(2027)).get().extracting(HolidayNotice::sha256).isEqualTo(Notices.YEAR_2027.sha256());
    }

    @Test
    void the_health_check_warns_without_failing_when_the_notices_run_out() {
        // the kit's clock is the real one; the bundled notices end on 31 December 2026
        HealthCheckResponse answer = health.call();
        assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(answer.getData().orElseThrow()).containsEntry("publishedUntil", "2026-12-31");
        long daysLeft = ((Number) answer.getData().orElseThrow().get("daysLeft")).longValue();
        assertThat(answer.getData().orElseThrow().containsKey("warning")).isEqualTo(daysLeft < 60);
    }

    private long count(String table) {
        return ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    @Singleton
    static class Changes {
        final List<CalendarChanged> seen = new CopyOnWriteArrayList<>();

        void on(@Observes CalendarChanged change) {
            seen.add(change);
        }
    }
}
