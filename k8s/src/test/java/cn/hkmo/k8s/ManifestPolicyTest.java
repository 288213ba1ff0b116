package cn.hkmo.k8s;

import cn.hkmo.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the issue asks of every overlay, beyond the schemas. */
class ManifestPolicyTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;
    static final List<String> DATABASES = List.of("appointment", "eligibility", "fee", "issuance");
    static final int MANAGEMENT_PORT = 9000;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationIsHardenedProbedSizedAndComplete(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        for (String app : Repo.APPS) {
            JsonNode deployment = Repo.named(objects, "Deployment", app);
            assertThat(deployment).as(app + " Deployment").isNotNull();
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(app + " runAsNonRoot").isTrue();
            for (JsonNode c : pod.path("containers")) {
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(app + " read-only root").isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(app + " no privilege escalation").isFalse();
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    assertThat(c.path(probe).path("httpGet").path("port").asText()).as(app + " " + probe)
                            .isEqualTo("management");
                }
                for (String r : List.of("requests", "limits")) {
                    assertThat(c.path("resources").path(r).has("cpu") && c.path("resources").path(r).has("memory")).as(app + " " + r).isTrue();
                }
                assertThat(c.path("image").asText()).as(app + " image tag set by the overlay").contains("hkmo/" + app + ":");
            }
            for (String kind : List.of("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                assertThat(Repo.named(objects, kind, app)).as(app + " " + kind).isNotNull();
            }
            assertThat(Repo.named(objects, "NetworkPolicy", app + "-ingress")).as(app + " NetworkPolicy").isNotNull();
        }
    }

    /**
     * Issue 18: the JVM is sized for the pod, not for the node: a capped heap (at most half the memory limit; the rest
     * is metaspace, compiled code, thread stacks and network buffers) and the serial GC for one core; a fixed young
     * generation, so that a young collection's fixed cost is spread over many requests (ADR 0015); the image's
     * class-data sharing archive (ADR 0014).
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationsJvmIsSizedForItsPod(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        for (String app : Repo.APPS) {
            String options = Repo.named(objects, "ConfigMap", app + "-config").path("data").path("JDK_JAVA_OPTIONS").asText();
            assertThat(options).as(app + " JDK_JAVA_OPTIONS").contains("-XX:+UseSerialGC").containsPattern("-Xmx\\d+m")
                    .containsPattern("-Xmn\\d+m").contains("-XX:SharedArchiveFile=app-cds.jsa");
            int heapMb = Integer.parseInt(options.replaceAll(".*-Xmx(\\d+)m.*", "$1"));
            JsonNode container = Repo.named(objects, "Deployment", app).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            String limit = container.path("resources").path("limits").path("memory").asText();
            assertThat(limit).as(app + " memory limit in Mi").endsWith("Mi");
            assertThat(heapMb * 2).as(app + " heap vs limit " + limit).isLessThanOrEqualTo(Integer.parseInt(limit.replace("Mi", "")));
            if (!app.equals("gateway")) {
                // A rush comes after quiet: its workers must not be new threads (ADR 0011). Both options present,
                // core equal to max.
                assertThat(options).as(app + " workers kept")
                        .containsPattern("-Dquarkus.thread-pool.max-threads=(\\d+) .*-Dquarkus.thread-pool.core-threads=\\1\\b");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndTheRealmsBrowserPathsAreExposedAndOnlyOverTls(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        List<JsonNode> ingresses = Repo.ofKind(objects, "Ingress").toList();
        assertThat(ingresses).hasSize(1);
        JsonNode spec = ingresses.get(0).path("spec");
        assertThat(spec.path("tls")).isNotEmpty();
        List<String> backends = new ArrayList<>();
        List<String> keycloakPaths = new ArrayList<>();
        spec.path("rules").forEach(r -> r.path("http").path("paths").forEach(p -> {
            String service = p.path("backend").path("service").path("name").asText();
            backends.add(service);
            if (service.equals("hkmo-keycloak-service")) {
                keycloakPaths.add(p.path("path").asText());
            }
        }));
        assertThat(backends).isNotEmpty().contains("gateway").containsOnly("gateway", "hkmo-keycloak-service");
        // browsers log in to the realm at the public origin (web front-ends); Keycloak's admin console stays inside
        assertThat(keycloakPaths).containsExactlyInAnyOrder("/auth/realms/hkmo", "/auth/resources");
        assertThat(Repo.ofKind(objects, "Service").filter(s -> !"ClusterIP".equals(s.path("spec").path("type").asText("ClusterIP")))).isEmpty();
        assertThat(Repo.named(objects, "NetworkPolicy", "default-deny-ingress")).isNotNull();
        assertThat(Repo.named(objects, "Keycloak", "hkmo-keycloak").path("spec").path("ingress").path("enabled").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void healthAndMetricsAreReachableOnlyOnTheManagementPortAndNeverFromTheIngress(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        for (String app : Repo.APPS) {
            JsonNode container = Repo.named(objects, "Deployment", app).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            List<Integer> ports = new ArrayList<>();
            container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
            assertThat(ports).as(app + " ports").containsExactlyInAnyOrder(8080, MANAGEMENT_PORT);

            List<JsonNode> rules = new ArrayList<>();
            Repo.named(objects, "NetworkPolicy", app + "-ingress").path("spec").path("ingress").forEach(rules::add);
            for (JsonNode rule : rules) {
                List<Integer> allowed = new ArrayList<>();
                rule.path("ports").forEach(p -> allowed.add(p.path("port").asInt()));
                String from = rule.path("from").toString();
                if (from.contains("ingress-nginx")) {
                    assertThat(allowed).as(app + ": the ingress controller reaches the API port only").containsExactly(8080);
                }
                if (from.contains("monitoring")) {
                    assertThat(allowed).as(app + ": Prometheus reaches the management port only").containsExactly(MANAGEMENT_PORT);
                }
            }
        }
        List<String> gatewayPorts = new ArrayList<>();
        Repo.named(objects, "Service", "gateway").path("spec").path("ports").forEach(p -> gatewayPorts.add(p.path("targetPort").asText()));
        assertThat(gatewayPorts).as("the Service the Ingress routes to").containsExactly("http");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaInKraftWithNodePoolsAndATopicForEveryTopicAndDeadLetterTopic(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        JsonNode kafka = Repo.named(objects, "Kafka", "hkmo-kafka");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        Set<String> roles = Repo.ofKind(objects, "KafkaNodePool").flatMap(p -> {
            List<String> r = new ArrayList<>();
            p.path("spec").path("roles").forEach(x -> r.add(x.asText()));
            return r.stream();
        }).collect(Collectors.toSet());
        assertThat(roles).contains("controller", "broker");

        Set<String> topics = Repo.ofKind(objects, "KafkaTopic").map(t -> t.path("spec").path("topicName").asText()).collect(Collectors.toSet());
        for (String topic : Topics.ALL) {
            assertThat(topics).contains(topic, Topics.deadLetter(topic));
        }
        if ("prod".equals(overlay)) {
            Repo.ofKind(objects, "KafkaTopic").forEach(t -> {
                assertThat(t.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(3);
                assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).isGreaterThanOrEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachDatabaseHasItsOwnClusterReachableOnlyFromItsService(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        for (String db : DATABASES) {
            JsonNode cluster = Repo.named(objects, "Cluster", "hkmo-" + db + "-db");
            assertThat(cluster).as(db + " Cluster").isNotNull();
            assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo(db);
            JsonNode policy = Repo.named(objects, "NetworkPolicy", "hkmo-" + db + "-db-ingress");
            assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText()).isEqualTo("hkmo-" + db + "-db");
            List<String> apps = new ArrayList<>();
            policy.path("spec").path("ingress").forEach(rule -> rule.path("from").forEach(peer -> {
                String name = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText("");
                if (!name.isEmpty()) {
                    apps.add(name);
                }
            }));
            assertThat(apps).containsExactly(db + "-service");
        }
    }

    /** The calendar the cluster mounts is the kit's calendar (ops may add a year in both places). */
    @org.junit.jupiter.api.Test
    void workingDayCalendarCopyEqualsTheKits() throws java.io.IOException {
        var kit = Repo.root().resolve("service-kit/src/main/resources/calendar/cn-working-days.json");
        var copy = Repo.root().resolve("k8s/base/platform/calendar/cn-working-days.json");
        assertThat(java.nio.file.Files.readString(copy)).as(copy + " differs from " + kit).isEqualTo(java.nio.file.Files.readString(kit));
    }
}
