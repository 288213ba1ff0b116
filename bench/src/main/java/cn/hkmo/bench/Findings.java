package cn.hkmo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parts record for the report, in the order they measured it: the figures, notes, the load average before
 * each step, and CPU per component per part and around the rush.
 */
final class Findings {

    final Report report = new Report();
    final List<String> notes = new ArrayList<>();
    /** Load average (1, 5, 15 min) before each part or step. */
    final Map<String, String> loads = new LinkedHashMap<>();
    final Map<String, String> cpuByPart = new LinkedHashMap<>();
    final Map<String, String> cpuOfRush = new LinkedHashMap<>();

    /** Records the load average before {@code step} and returns it. */
    String load(String step) {
        String load = Machine.loadAverage();
        loads.put(step, load);
        return load;
    }
}
