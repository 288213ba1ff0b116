package cn.hkmo.contracts.common;

/**
 * Collection method; for EMS the recipient, mobile and address.
 */
public record Delivery(
        CollectionMethod method,
        String recipient,
        String mobile,
        String address) {}
