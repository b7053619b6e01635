package com.callflowrules.rules;

import java.util.List;

/** What one run of the rules produced: the facts the rules inserted, the rules fired, the version. */
public record Evaluation(List<Object> inserted, List<String> rulesFired, String ruleBaseVersion) {

    /** The inserted facts of {@code type}, in insertion order. */
    public <T> List<T> all(Class<T> type) {
        return inserted.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
