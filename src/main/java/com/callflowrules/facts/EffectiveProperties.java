package com.callflowrules.facts;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every property in effect for this call, one fact per decision: each key with its value and the
 * level that supplied it. Rules read a key with a typed method, for example
 * {@code EffectiveProperties(startHow("conference_start_how") == StartHow.HOST, $wait : seconds("conference_start_wait"))};
 * the rule-base build refuses a key the property schema does not have.
 */
public record EffectiveProperties(
        Map<String, EffectiveProperty> byKey, List<EffectiveProperty> bindings, PropertyReads reads) {

    public EffectiveProperties {
        byKey = Collections.unmodifiableMap(new TreeMap<>(byKey));
        bindings = List.copyOf(bindings);
    }

    /** The properties in effect, not the schema that reads them. */
    @Override
    public String toString() {
        return "EffectiveProperties" + byKey.values();
    }

    /**
     * The layers merged per key: the value of the highest-ranked layer that sets a key wins;
     * {@code reads} is the property schema the rule base was built with.
     */
    public static EffectiveProperties merge(Collection<?> layers, PropertyReads reads) {
        Map<String, EffectiveProperty> merged = new TreeMap<>();
        layers.stream()
                .map(PropertyLayer.class::cast)
                .sorted(Comparator.comparingInt(PropertyLayer::rank))
                .forEach(layer -> layer.values()
                        .forEach((key, value) -> merged.put(
                                key,
                                new EffectiveProperty(
                                        key, value, layer.level(), layer.sourceSid(), reads.binding(key)))));
        List<EffectiveProperty> bindings =
                merged.values().stream().filter(p -> p.binding() != null).toList();
        return new EffectiveProperties(merged, bindings, reads);
    }

    /** The property {@code key} in effect, with its source. */
    public EffectiveProperty property(String key) {
        EffectiveProperty property = byKey.get(key);
        if (property == null) {
            throw new IllegalArgumentException("no property '" + key + "' is in effect for this call");
        }
        return property;
    }

    /** The value of {@code key}, as text. */
    public String value(String key) {
        return property(key).value();
    }

    /** An on/off property's value as a boolean. */
    public boolean on(String key) {
        return reads.onOff(key, value(key));
    }

    /** A duration property's value in seconds. */
    public int seconds(String key) {
        return reads.seconds(key, value(key));
    }

    /** A count property's value. */
    public int attempts(String key) {
        return reads.attempts(key, value(key));
    }

    /** The roles a role-list policy names. */
    public Set<Role> roles(String key) {
        return reads.roles(key, value(key));
    }

    /** How the meeting starts, as {@code conference_start_how} says. */
    public StartHow startHow(String key) {
        return reads.startHow(key, value(key));
    }

    /** When the meeting's stop condition holds, as {@code conference_stop_how} says. */
    public StopHow stopHow(String key) {
        return reads.stopHow(key, value(key));
    }

    /** Every property, sorted by key. */
    public Collection<EffectiveProperty> all() {
        return byKey.values();
    }
}
