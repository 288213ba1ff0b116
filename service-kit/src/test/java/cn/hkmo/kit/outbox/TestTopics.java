package cn.hkmo.kit.outbox;

import cn.hkmo.contracts.EventEnvelope;

/** The kit's own tests publish to topics of their own, outside the catalogue. */
public final class TestTopics {

    private TestTopics() {
    }

    public static EventEnvelope append(Outbox outbox, String topic, String key, String type, Object data) {
        return outbox.append(topic, key, type, data);
    }
}
