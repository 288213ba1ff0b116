package cn.hkmo.eligibility.rules;

/**
 * A rule and where it comes from, e.g. {@code T.SIBLINGS} from {@code [FAQ2 Q57]}. Every answer of the
 * engine names the rules it rests on, so an officer or a citizen can check the source.
 *
 * @param id         stable identifier, {@code <area>.<rule>}
 * @param source     source keys of docs/domain.md#r-sources, e.g. {@code [FAQ2 Q57]}
 * @param confidence marker of docs/domain.md; UNCONFIRMED rules are configurable
 * @param summary    the rule in one line
 */
public record RuleRef(String id, String source, Confidence confidence, String summary) {

    public static RuleRef official(String id, String source, String summary) {
        return new RuleRef(id, source, Confidence.OFFICIAL, summary);
    }

    public static RuleRef secondary(String id, String source, String summary) {
        return new RuleRef(id, source, Confidence.SECONDARY, summary);
    }

    public static RuleRef low(String id, String source, String summary) {
        return new RuleRef(id, source, Confidence.LOW, summary);
    }

    public static RuleRef unconfirmed(String id, String source, String summary) {
        return new RuleRef(id, source, Confidence.UNCONFIRMED, summary);
    }

    @Override
    public String toString() {
        return id + " " + source;
    }
}
