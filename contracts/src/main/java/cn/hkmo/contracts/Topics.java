package cn.hkmo.contracts;

/**
 * Kafka topics, named by the producing domain. The record key is the booking number (appointments)
 * or the application number (everything after intake), so one case's events stay in order.
 */
public final class Topics {

    public static final String APPOINTMENTS = "appointments";
    public static final String APPLICATIONS = "applications";
    public static final String PAYMENTS = "payments";
    public static final String ISSUANCE = "issuance";

    /** Every topic, for provisioning (local platform, Strimzi KafkaTopic) and checks. */
    public static final java.util.List<String> ALL = java.util.List.of(APPOINTMENTS, APPLICATIONS, PAYMENTS, ISSUANCE);

    private Topics() {
    }

    /** Poison messages of {@code topic} land here instead of blocking its partition. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
