package cn.hkmo.notification.message;

import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.notification.NotificationTestEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS templates the operator submits for approval are the ones in README.md ("SMS templates"): each SMS kind is
 * documented, and the parameters documented are exactly the ones the service sends (a template missing one is
 * refused by the provider with {@code isv.TEMPLATE_MISSING_PARAMETERS}).
 */
class SmsTemplatesTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| `ALIYUN_SMS_TEMPLATE_[A-Z_]+` \\| (.+) \\|$");
    private static final Pattern PARAM = Pattern.compile("\\$\\{(\\w+)}");
    private static final String SMS_TEMPLATE = "%prod.hkmo.notification.sms.templates.";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private static final Notices NOTICES = new Notices("/api/v1");

    /** The notice of one event of each kind that is texted, as its producer writes it. */
    private static final List<Optional<Notice>> TEXTED = List.of(
            NOTICES.booked(NotificationTestEvents.booked("B1", "sub-1", "13800000000").dataAs(BookingBooked.class)),
            NOTICES.reminderDue(new ReminderDue("B1", "sub-1", "BJ-CHAOYANG", DAY, LocalTime.of(9, 0), AT)),
            NOTICES.cancelled(new BookingCancelled("B1", "sub-1", "BJ-CHAOYANG", DAY, "HALL_CLOSED", AT)),
            NOTICES.placeOffered(NotificationTestEvents.offered("H1", "sub-1").dataAs(PlaceOffered.class)),
            NOTICES.correctionRequested(new CorrectionRequested("N1", "B1", "sub-1", "BJ-CHAOYANG",
                    List.of(new cn.hkmo.contracts.common.Notice("PHOTO", "近期彩色照片")), "officer.bj", AT)),
            NOTICES.feeAssessed(new FeeAssessed("A1", "FO1", List.of(), 9000, "sub-1", "BJ-CHAOYANG", AT)),
            NOTICES.refused(new DecisionRefused("A1", "sub-1", "D1", List.of("r"), "reviewer.bj", AT)),
            NOTICES.permitIssued(new PermitIssued("A1", "sub-1", "C1", DAY, DAY.plusYears(10), true, List.of(), DAY, AT,
                    CollectionMethod.HALL, "BJ-CHAOYANG")),
            NOTICES.collectionDeadlineNear(new CollectionDeadlineNear("A1", "sub-1", "BJ-CHAOYANG", DAY.plusDays(90), AT)),
            NOTICES.dispatched(new PermitDispatched("A1", "sub-1", "1180123456789", AT)));

    @Test
    void everyTextedKindIsDocumentedWithExactlyTheParametersSent() throws IOException {
        Map<String, Set<String>> documented = documentedTemplates();
        assertThat(documented.keySet()).as("kinds in README.md's SMS templates").isEqualTo(textedKinds());

        Map<String, Set<String>> sent = new TreeMap<>();
        TEXTED.forEach(notice -> notice.ifPresent(n -> sent.put(n.kind(), new TreeSet<>(n.params().keySet()))));
        assertThat(sent).as("parameters sent per kind (Notices)").isEqualTo(documented);
    }

    /** The kinds production has an SMS template code for. */
    private static Set<String> textedKinds() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith(SMS_TEMPLATE))
                .map(k -> k.substring(SMS_TEMPLATE.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Set<String>> documentedTemplates() throws IOException {
        Map<String, Set<String>> templates = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Set<String> params = new TreeSet<>();
                Matcher param = PARAM.matcher(row.group(2));
                while (param.find()) {
                    params.add(param.group(1));
                }
                templates.put(row.group(1), params);
            }
        }
        return templates;
    }
}
