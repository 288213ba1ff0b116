package cn.hkmo.kit.identity;

import cn.hkmo.kit.persistence.JsonColumn;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;

/**
 * Personal data held as one JSON value and sealed at rest: the {@link JsonColumn} text, sealed by {@link Sealed}, so
 * the column is stored exactly as when a service wrote the JSON and sealed it by hand. A service declares one concrete
 * converter per value type, {@code @Converter @Singleton} (a normal scope would need a no-argument constructor for its
 * proxy), and Hibernate's {@code @Immutable} when the value is a record, so the loaded value serves the dirty check
 * instead of a copy sealed again.
 *
 * @param <T> the value, e.g. a record of the applicant's details
 */
public abstract class SealedJson<T> implements AttributeConverter<T, String> {

    private final Sealed sealed;
    private final JsonColumn<T> json;

    protected SealedJson(Sealed sealed, TypeReference<T> type) {
        this.sealed = sealed;
        this.json = new JsonColumn<T>(type) { };
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return value == null ? null : sealed.convertToDatabaseColumn(json.convertToDatabaseColumn(value));
    }

    @Override
    public T convertToEntityAttribute(String stored) {
        return stored == null ? null : json.convertToEntityAttribute(sealed.convertToEntityAttribute(stored));
    }
}
