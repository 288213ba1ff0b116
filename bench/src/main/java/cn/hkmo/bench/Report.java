package cn.hkmo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RESULTS.md (figures, commands, targets, what limits them) and results.csv (one figure a line). */
public final class Report {

    /** One figure. {@code target} and {@code met} are empty when the issue sets no target for it. */
    public record Row(String part, String metric, double value, String unit, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();

    public Row add(String part, String metric, double value, String unit) {
        return add(part, metric, value, unit, "", "");
    }

    public Row add(String part, String metric, double value, String unit, String target, Boolean met) {
        return add(part, metric, value, unit, target, met == null ? "" : met ? "met" : "MISSED");
    }

    public Row add(String part, String metric, double value, String unit, String target, String met) {
        Row r = new Row(part, metric, value, unit, target, met);
        rows.add(r);
        return r;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Report line(String text) {
        md.append(text).append('\n');
        return this;
    }

    public Report line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    /** A markdown table of rows of one part. */
    public Report table(String part) {
        md.append("| figure | value | unit | target | |\n|---|---:|---|---|---|\n");
        for (Row r : rows) {
            if (r.part().equals(part)) {
                md.append("| ").append(r.metric()).append(" | ").append(fmt(r.value())).append(" | ").append(r.unit())
                        .append(" | ").append(r.target()).append(" | ").append(r.met().isEmpty() ? "" : "**" + r.met() + "**")
                        .append(" |\n");
            }
        }
        md.append('\n');
        return this;
    }

    public String markdown() {
        return md.toString();
    }

    public String csv() {
        StringBuilder s = new StringBuilder("part,metric,value,unit,target,status\n");
        for (Row r : rows) {
            s.append(csvField(r.part())).append(',').append(csvField(r.metric())).append(',').append(fmt(r.value()))
                    .append(',').append(csvField(r.unit())).append(',').append(csvField(r.target())).append(',')
                    .append(csvField(r.met())).append('\n');
        }
        return s.toString();
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("RESULTS.md"), markdown());
        Files.writeString(dir.resolve("results.csv"), csv());
    }

    static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
