package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.CollectionMethod;

/**
 * A delivery choice with its personal data already encrypted by the caller (PersonalDataCipher),
 * so the case never holds an address or phone number in clear.
 */
public record SealedDelivery(CollectionMethod method, String recipient, String mobile, String address) {
}
