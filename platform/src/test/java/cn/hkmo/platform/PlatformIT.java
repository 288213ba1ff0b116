package cn.hkmo.platform;

import cn.hkmo.contracts.Topics;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real servers, started once for this JVM through the test resource. */
class PlatformIT {

    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = PlatformTestResource.platform();
        System.out.println("[platform-test] start-up (ms): " + platform.startupMillis());
    }

    @Test
    void startsPostgresKafkaAndKeycloakOnPrivatePorts() {
        assertThat(platform.isOwner()).isTrue();
        assertThat(platform.postgres().isRunning()).isTrue();
        assertThat(platform.kafka().isRunning()).isTrue();
        assertThat(platform.keycloak().isRunning()).isTrue();
        assertThat(platform.postgres().port()).isNotEqualTo(PlatformConfig.DEFAULT_POSTGRES_PORT);
        assertThat(platform.keycloakUrl()).startsWith("http://localhost:");
        assertThat(platform.config().dataDir().toString()).contains("target");
    }

    @Test
    void testResourceHandsQuarkusTheConnectionSettings() {
        PlatformTestResource resource = new PlatformTestResource();
        resource.init(Map.of("database", "fee"));
        Map<String, String> config = resource.start();
        assertThat(config)
                .containsEntry("quarkus.datasource.jdbc.url", platform.jdbcUrl("fee"))
                .containsEntry("quarkus.datasource.username", "fee")
                .containsEntry("quarkus.datasource.password", "fee")
                .containsEntry("kafka.bootstrap.servers", platform.bootstrapServers())
                .containsEntry("quarkus.oidc.auth-server-url", platform.keycloakUrl() + "/realms/hkmo")
                .containsEntry("hkmo.platform.keycloak-url", platform.keycloakUrl());
        resource.stop();
        assertThat(platform.postgres().isRunning()).isTrue();
    }

    @Test
    void aQuarkusRestartInANewClassLoaderFindsThePlatformOfThisJvm() {
        // What PlatformTestResource does when a @TestProfile gives it a fresh static: connect, never start twice.
        String running = System.getProperty("hkmo.platform.running-data-dir");
        assertThat(running).isEqualTo(platform.config().dataDir().toAbsolutePath().toString());

        LocalPlatform again = LocalPlatform.connect(java.nio.file.Path.of(running));

        assertThat(again.isOwner()).isFalse();
        assertThat(again.bootstrapServers()).isEqualTo(platform.bootstrapServers());
        assertThat(again.jdbcUrl("fee")).isEqualTo(platform.jdbcUrl("fee"));
        assertThat(again.keycloakUrl()).isEqualTo(platform.keycloakUrl());
    }

    @Test
    void everyDatabaseAcceptsItsOwner() throws Exception {
        for (String db : List.of("appointment", "eligibility", "fee", "issuance", "keycloak")) {
            try (Connection c = DriverManager.getConnection(platform.jdbcUrl(db), db, db);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS platform_probe (id int)");
                try (ResultSet rs = s.executeQuery(
                        "SELECT current_user, current_database(), pg_get_userbyid(datdba), version() "
                                + "FROM pg_database WHERE datname = current_database()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(db);
                    assertThat(rs.getString(2)).isEqualTo(db);
                    assertThat(rs.getString(3)).as("owner of " + db).isEqualTo(db);
                    assertThat(rs.getString(4)).startsWith("PostgreSQL 17");
                }
                s.execute("DROP TABLE platform_probe");
            }
        }
    }

    @Test
    void topicsAndDeadLetterTopicsExist() throws Exception {
        try (Admin admin = platform.kafka().admin()) {
            Set<String> names = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            for (String topic : Topics.ALL) {
                assertThat(names).contains(topic, Topics.deadLetter(topic));
            }
        }
    }

    @Test
    void aMessageProducedToAppointmentsIsConsumed() {
        String key = "BK-" + UUID.randomUUID();
        produce(Topics.APPOINTMENTS, key, "{\"type\":\"appointment.booked.v1\"}");
        assertThat(consumeUntilKey(Topics.APPOINTMENTS, "probe-" + UUID.randomUUID(), key))
                .isEqualTo("{\"type\":\"appointment.booked.v1\"}");
    }

    @Test
    void kafkaStopsAndStartsAgainOnTheSamePortWithTheSameData() {
        KafkaBroker kafka = platform.kafka();
        String bootstrap = kafka.bootstrapServers();
        String before = "before-" + UUID.randomUUID();
        produce(Topics.PAYMENTS, before, "1");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Ports.listening(kafka.port())).isFalse();

        kafka.start();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(Ports.listening(kafka.port())).isTrue();
        assertThat(consumeUntilKey(Topics.PAYMENTS, "probe-" + UUID.randomUUID(), before)).isEqualTo("1");

        String after = "after-" + UUID.randomUUID();
        produce(Topics.PAYMENTS, after, "2");
        assertThat(consumeUntilKey(Topics.PAYMENTS, "probe-" + UUID.randomUUID(), after)).isEqualTo("2");
    }

    @Test
    void postgresRestartsOnTheSamePortWithTheSameData() throws Exception {
        PostgresServer postgres = platform.postgres();
        String table = "restart_probe_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("fee"), "fee", "fee");
                Statement s = c.createStatement()) {
            s.execute("create table " + table + " (v text)");
            s.execute("insert into " + table + " values ('kept')");
        }
        long pidBefore = postgres.process().pid();

        postgres.restart();

        assertThat(postgres.isRunning()).isTrue();
        assertThat(postgres.process().pid()).isNotEqualTo(pidBefore);
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("fee"), "fee", "fee");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from " + table)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
            s.execute("drop table " + table);
        }
        // Keycloak, on the same database server, keeps issuing tokens
        Wait.until("a token from Keycloak after the PostgreSQL restart", Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> {
                    try {
                        return KeycloakTokens.password("zhangwei") != null;
                    } catch (RuntimeException e) {
                        return false;
                    }
                }, () -> true, () -> "");
    }

    @Test
    void keycloakIssuesCitizenTokensWithTheSuiteClaims() {
        Map<String, Object> claims = KeycloakTokens.claims(KeycloakTokens.password("zhangwei"));
        assertThat(claims)
                .containsEntry("resident_id", "110105199003071239")
                .containsEntry("name", "张伟")
                .containsEntry("identity_assurance", "face-verified")
                .containsEntry("azp", "hkmo-dev-cli")
                .containsEntry("preferred_username", "zhangwei")
                .containsEntry("iss", platform.keycloakUrl() + "/realms/hkmo")
                .containsKeys("sub", "mobile", "exp");
        assertThat(audiences(claims)).contains("hkmo-api");
        assertThat(roles(claims)).contains("citizen");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(300);

        assertThat(KeycloakTokens.claims(KeycloakTokens.password("chenjing")))
                .containsEntry("identity_assurance", "basic");
    }

    @Test
    void staffTokensCarryHallAndRegion() {
        Map<String, Object> officer = KeycloakTokens.claims(KeycloakTokens.password("officer.bj"));
        assertThat(officer).containsEntry("hall_id", "BJ-CHAOYANG");
        assertThat(roles(officer)).contains("officer");
        assertThat(KeycloakTokens.claims(KeycloakTokens.password("reviewer.gd"))).containsEntry("review_region", "440000");
        assertThat(roles(KeycloakTokens.claims(KeycloakTokens.password("supervisor")))).contains("supervisor", "reviewer");
    }

    @Test
    void serviceAccountsAndAudiences() {
        Map<String, Object> courier = KeycloakTokens.claims(KeycloakTokens.clientCredentials("courier-ems", "courier-ems-secret"));
        assertThat(roles(courier)).contains("courier");
        assertThat(audiences(courier)).contains("hkmo-api");

        Map<String, Object> partner = KeycloakTokens.claims(
                KeycloakTokens.clientCredentials("alipay-partner", "alipay-partner-secret", "partner.public"));
        assertThat(roles(partner)).contains("partner");
        assertThat(audiences(partner)).contains("hkmo-api");
        assertThat((String) partner.get("scope")).contains("partner.public");

        Map<String, Object> other = KeycloakTokens.claims(KeycloakTokens.clientCredentials("other-app", "other-app-secret"));
        assertThat(other).containsEntry("azp", "other-app");
        assertThat(audiences(other)).doesNotContain("hkmo-api");
    }

    @Test
    void shortLivedClientTokensExpireAfterTwoSeconds() {
        Map<String, Object> claims = KeycloakTokens.claims(KeycloakTokens.password("short-lived-cli", "zhangwei"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(2);
        assertThat(audiences(claims)).contains("hkmo-api");
    }

    // ---------------------------------------------------------------- helpers

    static List<String> audiences(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud == null) {
            return List.of();
        }
        return aud instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(aud.toString());
    }

    @SuppressWarnings("unchecked")
    static List<String> roles(Map<String, Object> claims) {
        Map<String, Object> realmAccess = (Map<String, Object>) claims.getOrDefault("realm_access", Map.of());
        return (List<String>) realmAccess.getOrDefault("roles", List.of());
    }

    private static void produce(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot produce to " + topic, e);
        }
    }

    private static String consumeUntilKey(String topic, String group, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> found = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
            }
            assertThat(found).as("record " + key + " on " + topic).isNotEmpty();
            return found.get(0);
        }
    }
}
