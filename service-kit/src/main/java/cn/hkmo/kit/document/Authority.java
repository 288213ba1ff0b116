package cn.hkmo.kit.document;

/**
 * The issuing authority named on a document: the exit-entry administration of a region, in Chinese and, where it is
 * configured, in English.
 *
 * @param en null when only the Chinese name is configured
 */
public record Authority(String zh, String en) {
}
