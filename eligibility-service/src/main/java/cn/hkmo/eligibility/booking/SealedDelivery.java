package cn.hkmo.eligibility.booking;

import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.kit.identity.Sealed;
import cn.hkmo.kit.identity.SealedJson;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

/** The delivery address as JSON, sealed at rest; {@code Delivery} is a record, so {@link Immutable}. */
@Converter
@Immutable
@Singleton
public class SealedDelivery extends SealedJson<Delivery> {

    public SealedDelivery(Sealed sealed) {
        super(sealed, new TypeReference<Delivery>() { });
    }
}
