package cn.hkmo.eligibility.booking;

import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.eligibility.JsonColumn;
import cn.hkmo.kit.identity.Sealed;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

/**
 * The delivery address as JSON, sealed at rest: the kit's {@link Sealed} over the JSON text, so the column is stored
 * exactly as when the JSON was written by hand and then sealed. {@code Delivery} is a record, so it is
 * {@link Immutable}: Hibernate keeps the loaded value for its dirty check instead of a copy made by sealing it again.
 */
@Converter
@Immutable
@ApplicationScoped
public class SealedDelivery implements AttributeConverter<Delivery, String> {

    private static final JsonColumn<Delivery> JSON = new JsonColumn<Delivery>(new TypeReference<Delivery>() { }) { };

    private final Sealed sealed;

    public SealedDelivery(Sealed sealed) {
        this.sealed = sealed;
    }

    @Override
    public String convertToDatabaseColumn(Delivery delivery) {
        return delivery == null ? null : sealed.convertToDatabaseColumn(JSON.convertToDatabaseColumn(delivery));
    }

    @Override
    public Delivery convertToEntityAttribute(String stored) {
        return stored == null ? null : JSON.convertToEntityAttribute(sealed.convertToEntityAttribute(stored));
    }
}
