package cn.hkmo.contracts.common;

/**
 * One line of a fee quote: the item, the legal basis, the amount in fen.
 */
public record FeeLine(
        String item,
        String description,
        String legalBasis,
        long amountFen) {}
