package cn.hkmo.notification.simulator;

import cn.hkmo.kit.identity.MobileNumber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alibaba Cloud SMS as its customers see it: {@code SendSms} takes a text (sign name, template, parameters, OutId)
 * and answers a BizId; {@code QuerySendDetails} lists a number's texts of one day with their OutIds. What it received
 * is kept in table {@code sms_simulator_message}, so it outlives a {@code kill -9} of the service it lives in, as the
 * real provider would. The simulator makes that table on first use (Flyway's locations are fixed when the jar is built,
 * and the production schema should not carry it). Faults are set per number for the next texts.
 */
@ApplicationScoped
public class SimulatedSmsProvider {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public enum FaultKind {
        /** Received and kept, then the answer waits {@code seconds} (a process killed meanwhile never learns). */
        HANG,
        /** Received and kept, the answer lost (HTTP 503). */
        ANSWER_LOST,
        /** Never received (HTTP 500). */
        DOWN,
        /** Refused: the flow control of the provider ({@code isv.BUSINESS_LIMIT_CONTROL}), nothing received. */
        LIMITED
    }

    public record Fault(FaultKind kind, int times, int seconds) {
    }

    public record Received(String bizId, String outId, String phone, String signName, String templateCode,
                           String templateParam, OffsetDateTime receivedAt) {
        /** The provider's view, masked for answers and logs; {@code phone} filters use the full number. */
        public Received masked() {
            return new Received(bizId, outId, MobileNumber.mask(phone), signName, templateCode, templateParam, receivedAt);
        }
    }

    /** What one SendSms did: the answer to give, after waiting {@code delay}. */
    public record SendResult(Optional<Received> received, Optional<FaultKind> fault, Duration delay) {
    }

    private static final String TABLE = """
            create table if not exists sms_simulator_message (
                id             bigserial primary key,
                biz_id         varchar(40)  not null,
                out_id         varchar(256),
                phone          varchar(20)  not null,
                sign_name      varchar(40)  not null,
                template_code  varchar(40)  not null,
                template_param text         not null,
                received_at    timestamptz  not null
            );
            create index if not exists sms_simulator_by_phone on sms_simulator_message (phone, received_at);
            create index if not exists sms_simulator_by_out_id on sms_simulator_message (out_id)""";

    private final EntityManager entityManager;
    private final Clock clock;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private volatile boolean tableReady;

    public SimulatedSmsProvider(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Sets the fault for the next texts to {@code phone}; {@code times} 0 lifts it. */
    public void fault(String phone, Fault fault) {
        if (fault.times() <= 0) {
            faults.remove(phone);
        } else {
            faults.put(phone, fault);
        }
    }

    public SendResult send(String phone, String signName, String templateCode, String templateParam, String outId) {
        ensureTable();
        Optional<Fault> fault = takeFault(phone);
        Optional<FaultKind> kind = fault.map(Fault::kind);
        if (kind.isPresent() && (kind.get() == FaultKind.DOWN || kind.get() == FaultKind.LIMITED)) {
            return new SendResult(Optional.empty(), kind, Duration.ZERO);
        }
        Received r = new Received(System.nanoTime() % 1_000_000_000_000L + "^0", outId, phone, signName, templateCode,
                templateParam, OffsetDateTime.now(clock));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into sms_simulator_message (biz_id, out_id, phone, sign_name, template_code, template_param, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, r.bizId()).setParameter(2, outId).setParameter(3, phone).setParameter(4, signName)
                .setParameter(5, templateCode).setParameter(6, templateParam).setParameter(7, r.receivedAt()).executeUpdate());
        Duration delay = fault.filter(f -> f.kind() == FaultKind.HANG).map(f -> Duration.ofSeconds(f.seconds())).orElse(Duration.ZERO);
        return new SendResult(Optional.of(r), kind, delay);
    }

    /** The texts to {@code phone} received on {@code day}, oldest first; one page of them. */
    public List<Received> sentOn(String phone, LocalDate day, int page, int size) {
        return query("phone = ?1 and received_at >= ?2 and received_at < ?3 order by id offset ?4 limit ?5", phone,
                day.atStartOfDay(clock.getZone()).toOffsetDateTime(), day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime(),
                (page - 1) * size, size);
    }

    public long countOn(String phone, LocalDate day) {
        ensureTable();
        return ((Number) entityManager.createNativeQuery("select count(*) from sms_simulator_message where phone = ?1 "
                        + "and received_at >= ?2 and received_at < ?3").setParameter(1, phone)
                .setParameter(2, day.atStartOfDay(clock.getZone()).toOffsetDateTime())
                .setParameter(3, day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()).getSingleResult()).longValue();
    }

    /** For the inspection endpoint: everything to {@code phone}, or with {@code outId}. */
    public List<Received> received(String phone, String outId) {
        if (outId != null) {
            return query("out_id = ?1 order by id", outId);
        }
        return query("phone = ?1 order by id", phone);
    }

    public Map<String, String> detail(Received r) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("PhoneNum", r.phone());
        d.put("SendStatus", "3");
        d.put("ErrCode", "DELIVERED");
        d.put("TemplateCode", r.templateCode());
        d.put("Content", "【" + r.signName() + "】" + r.templateCode() + " " + r.templateParam());
        d.put("SendDate", DAY_TIME.format(r.receivedAt().atZoneSameInstant(clock.getZone())));
        d.put("ReceiveDate", DAY_TIME.format(r.receivedAt().atZoneSameInstant(clock.getZone())));
        d.put("OutId", r.outId());
        return d;
    }

    public static String requestId() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    private Optional<Fault> takeFault(String phone) {
        Fault[] taken = new Fault[1];
        faults.computeIfPresent(phone, (p, f) -> {
            taken[0] = f;
            return f.times() > 1 ? new Fault(f.kind(), f.times() - 1, f.seconds()) : null;
        });
        return Optional.ofNullable(taken[0]);
    }

    private void ensureTable() {
        if (!tableReady) {
            synchronized (this) {
                if (!tableReady) {
                    QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(TABLE).executeUpdate());
                    tableReady = true;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Received> query(String where, Object... params) {
        ensureTable();
        var q = entityManager.createNativeQuery("select biz_id, out_id, phone, sign_name, template_code, template_param, received_at "
                + "from sms_simulator_message where " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Received> out = new ArrayList<>();
        for (Object[] row : (List<Object[]>) q.getResultList()) {
            out.add(new Received((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], toOffset(row[6])));
        }
        return out;
    }

    private OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(clock.getZone()).toOffsetDateTime();
        }
        return ((java.sql.Timestamp) value).toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
