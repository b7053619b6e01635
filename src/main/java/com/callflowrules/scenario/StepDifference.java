package com.callflowrules.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One field a scenario step observed differently under two rule bases: what {@code scenarios
 * diff} prints and the release API's scenario run lists.
 *
 * @param field     the observed field ({@code action}, {@code properties.<key>}, ...)
 * @param base      its value under the base rule base, {@code null} when not observed
 * @param candidate its value under the candidate, {@code null} when not observed
 */
public record StepDifference(String field, String base, String candidate) {

    /** Every field whose value differs between the two observations of one step, by field name. */
    public static List<StepDifference> between(Map<String, String> base, Map<String, String> candidate) {
        List<StepDifference> differences = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(base.keySet());
        fields.addAll(candidate.keySet());
        for (String field : fields) {
            String a = base.get(field);
            String b = candidate.get(field);
            if (!Objects.equals(a, b)) {
                differences.add(new StepDifference(field, a, b));
            }
        }
        return differences;
    }

    @Override
    public String toString() {
        return field + ": base " + base + ", candidate " + candidate;
    }
}
