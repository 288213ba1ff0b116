package cn.hkmo.bench;

/** One of the five parts of the run: measures on the {@link Stage}, records in the {@link Findings}, writes its section. */
abstract class BenchPart {

    protected final Options o;
    protected final Stage stage;
    protected final BookingDay day;
    protected final Findings findings;

    BenchPart(Options options, Stage stage, BookingDay day, Findings findings) {
        this.o = options;
        this.stage = stage;
        this.day = day;
        this.findings = findings;
    }

    /** The part's section of RESULTS.md: what was measured and how, and its table. */
    abstract void describe(Report r);
}
