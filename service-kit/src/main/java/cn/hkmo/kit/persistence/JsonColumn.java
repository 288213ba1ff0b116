package cn.hkmo.kit.persistence;

import cn.hkmo.contracts.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import jakarta.persistence.AttributeConverter;

/**
 * A text column holding a value as JSON, mapped by the entity ({@code @Convert}) so no service writes or parses it by
 * hand. Written by the events' mapper ({@link EventEnvelope#JSON}), as the rows stored before the converter were, so
 * they read the same.
 *
 * @param <T> the value held, e.g. a list of records
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private final JavaType type;

    protected JsonColumn(TypeReference<T> type) {
        this.type = EventEnvelope.JSON.getTypeFactory().constructType(type);
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        try {
            return EventEnvelope.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a " + type + " as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventEnvelope.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type, e);
        }
    }
}
