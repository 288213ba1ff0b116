package cn.hkmo.appointment.booking;

import cn.hkmo.kit.identity.Sealed;
import cn.hkmo.kit.identity.SealedJson;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

/** A booking's {@link PersonalData} as one JSON value, sealed at rest; a record, so {@link Immutable}. */
@Converter
@Immutable
@Singleton
public class SealedPersonalData extends SealedJson<PersonalData> {

    public SealedPersonalData(Sealed sealed) {
        super(sealed, new TypeReference<PersonalData>() { });
    }
}
