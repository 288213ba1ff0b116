package cn.hkmo.kit.time;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Every point in time a service answers, stores for an idempotent replay or writes in a problem, serialised once
 * here in the business zone ({@link BusinessTime}) instead of per field. Runs after Quarkus' own customizers, so
 * these serialisers win over the Java-time module's. Event payloads on Kafka keep their own mapper
 * ({@code EventEnvelope.JSON}): see docs/conventions.md, "Time".
 */
@Singleton
public class BusinessTimeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("hkmo-business-time");
        module.addSerializer(Instant.class, new InBusinessZone<>());
        module.addSerializer(OffsetDateTime.class, new InBusinessZone<>());
        module.addSerializer(ZonedDateTime.class, new InBusinessZone<>());
        mapper.registerModule(module);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static final class InBusinessZone<T> extends JsonSerializer<T> {

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString((String) BusinessTime.text(value));
        }
    }
}
