package cn.hkmo.k8s;

import cn.hkmo.contracts.EventCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's KafkaUser grants exactly what the code uses, no more (least privilege) and no less (a missing
 * grant would only show in the cluster, as an authorization error on the first event). Derived from the code as it
 * is when the test runs:
 * <ul>
 *   <li>write: the topic of every event the service's main code creates ({@code new <Payload>(} of a record in
 *       {@link EventCatalog}): its outbox publishes each on the catalogue's topic;</li>
 *   <li>read: every {@code mp.messaging.incoming.<channel>} of its application.properties (topic, or the channel
 *       name), with read on its {@code group.id} and write on its {@code dead-letter-queue.topic}.</li>
 * </ul>
 */
class KafkaAclCoverageTest {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    @Test
    void everyServicesKafkaUserGrantsExactlyTheTopicsAndGroupItsCodeUses() {
        List<JsonNode> prod = Repo.objects("prod");
        assertThat(Repo.named(prod, "Kafka", "hkmo-kafka").path("spec").path("kafka").path("authorization").path("type").asText())
                .as("the cluster enforces ACLs").isEqualTo("simple");
        for (String app : Repo.APPS.stream().filter(a -> !a.equals("gateway")).toList()) {
            JsonNode user = Repo.named(prod, "KafkaUser", app);
            assertThat(user).as("KafkaUser " + app).isNotNull();
            Set<String> granted = new TreeSet<>();
            user.path("spec").path("authorization").path("acls").forEach(acl -> acl.path("operations").forEach(op ->
                    granted.add(acl.path("resource").path("type").asText() + ":" + acl.path("resource").path("name").asText()
                            + ":" + op.asText())));

            assertThat(granted).as(app + " ACLs").isEqualTo(needed(app));
        }
    }

    private static Set<String> needed(String app) {
        Set<String> needed = new TreeSet<>();
        for (String topic : publishedTopics(app)) {
            needed.add("topic:" + topic + ":Write");
            needed.add("topic:" + topic + ":Describe");
        }
        Properties props = Repo.properties(Repo.root().resolve(app).resolve("src/main/resources/application.properties"));
        for (String key : props.stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (!m.matches() || !"smallrye-kafka".equals(props.getProperty(key))) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + m.group(1) + ".";
            String topic = props.getProperty(prefix + "topic", m.group(1));
            needed.add("topic:" + topic + ":Read");
            needed.add("topic:" + topic + ":Describe");
            needed.add("group:" + props.getProperty(prefix + "group.id") + ":Read");
            String dlq = props.getProperty(prefix + "dead-letter-queue.topic");
            assertThat(dlq).as(app + " channel " + m.group(1) + " names its dead-letter topic").isNotBlank();
            needed.add("topic:" + dlq + ":Write");
            needed.add("topic:" + dlq + ":Describe");
        }
        return needed;
    }

    /** The catalogue's topic of every payload record the service's main code creates. */
    private static Set<String> publishedTopics(String app) {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.root().resolve(app).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                for (EventCatalog.EventType event : EventCatalog.ALL) {
                    if (Pattern.compile("\\bnew\\s+" + event.payload().getSimpleName() + "\\s*\\(").matcher(code).find()) {
                        topics.add(event.topic());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

}
