package cn.hkmo.contracts.common;

/**
 * One item of a correction notice (一次性告知): what is missing or wrong.
 */
public record Notice(
        String code,
        String description) {}
