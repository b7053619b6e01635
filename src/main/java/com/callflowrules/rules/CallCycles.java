package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cycles in the calls between generated methods, for {@link CompiledRuleCheck}'s recursion
 * refusal: a depth-first search from every caller, each method searched from once.
 */
final class CallCycles {

    private CallCycles() {}

    /**
     * The cycles found in {@code calls} (a method to the methods it calls), each as the path from
     * its first method round to that method again; at most one per method a search started from.
     */
    static List<List<String>> in(Map<String, Set<String>> calls) {
        Set<String> done = new HashSet<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String start : calls.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(calls, start, path, new LinkedHashSet<>(), done)) {
                cycles.add(path);
            }
        }
        return cycles;
    }

    private static boolean cycleFrom(
            Map<String, Set<String>> calls,
            String method,
            List<String> path,
            LinkedHashSet<String> onPath,
            Set<String> done) {
        if (onPath.contains(method)) {
            List<String> cycle = new ArrayList<>(onPath);
            path.addAll(cycle.subList(cycle.indexOf(method), cycle.size()));
            path.add(method);
            return true;
        }
        if (!done.add(method)) {
            return false;
        }
        onPath.add(method);
        for (String callee : calls.getOrDefault(method, Set.of())) {
            if (cycleFrom(calls, callee, path, onPath, done)) {
                return true;
            }
        }
        onPath.remove(method);
        return false;
    }
}
