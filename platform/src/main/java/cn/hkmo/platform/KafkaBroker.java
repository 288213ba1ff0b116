package cn.hkmo.platform;

import cn.hkmo.contracts.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka broker in KRaft mode (combined broker + controller, no ZooKeeper) inside this JVM.
 *
 * <p>{@link #stop()} and {@link #start()} can be called again and again: the broker comes back on the same
 * ports with the same log directory, so committed records and consumer offsets survive a restart. That is
 * what the tests of at-least-once delivery need ("the broker goes away in the middle of an event stream").
 */
public final class KafkaBroker {

    private static final int PARTITIONS = 3;

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean local;
    private KafkaRaftServer server;

    KafkaBroker(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.local = true;
    }

    private KafkaBroker(int port) {
        this.port = port;
        this.controllerPort = -1;
        this.logDir = null;
        this.local = false;
    }

    /** A broker run by another process (reuse): it can be used but not stopped from here. */
    static KafkaBroker remote(int port) {
        return new KafkaBroker(port);
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return local ? server != null : Ports.listening(port);
    }

    /** Starts the broker (again) on the same port with the same data; returns when it serves requests. */
    public synchronized void start() {
        requireLocal();
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = KafkaConfig.fromProps(properties(), false);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .addDirectory(logDir.toString())
                        .run();
            }
            KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
            s.startup();
            server = s;
            awaitServing();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start on port " + port, e);
        }
    }

    /** Stops the broker (controlled shutdown); data stays in the log directory. */
    public synchronized void stop() {
        requireLocal();
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Creates the suite's topics and their dead-letter topics (existing ones are left alone). */
    public void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            topics.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
        }
        try (Admin admin = admin()) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    /** An admin client for this broker (close it). */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    private void awaitServing() {
        try (Admin admin = admin()) {
            Wait.until("Kafka broker on port " + port, Duration.ofSeconds(60), () -> {
                try {
                    return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private void requireLocal() {
        if (!local) {
            throw new UnsupportedOperationException("the Kafka broker at port " + port
                    + " runs in another process (reused platform): it cannot be stopped or started from here");
        }
    }
}
