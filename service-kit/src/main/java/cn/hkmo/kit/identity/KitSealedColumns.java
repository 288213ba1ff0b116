package cn.hkmo.kit.identity;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** The kit's own sealed columns, in every service: outbox envelopes and stored idempotent answers. */
@Singleton
public class KitSealedColumns {

    @Produces
    @Singleton
    SealedColumns outboxEnvelopes() {
        return SealedColumns.of("outbox_event", "id", "envelope");
    }

    @Produces
    @Singleton
    SealedColumns idempotentAnswers() {
        return new SealedColumns("idempotency_key", List.of("scope", "caller", "key"), List.of("response_json"));
    }
}
