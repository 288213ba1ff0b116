package cn.hkmo.kit.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Personal data sealed at rest: an entity field marked {@code @Convert(converter = Sealed.class)} holds the value in
 * clear in memory and is stored by {@link PersonalDataCipher} ({@code <keyId>:<base64>}), so no service seals or
 * opens a column by hand. A value stored before its column was sealed reads as it is, and is sealed when its row is
 * next written. Declare the column in the service's {@link SealedColumns} so a key rotation re-seals it.
 */
@Converter
@ApplicationScoped
public class Sealed implements AttributeConverter<String, String> {

    private final PersonalDataCipher cipher;

    public Sealed(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String value) {
        return cipher.encrypt(value);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decryptIfSealed(stored);
    }
}
