package com.callflowrules.properties;

import com.callflowrules.facts.Role;
import com.callflowrules.facts.RoleSet;
import com.callflowrules.facts.StartHow;
import com.callflowrules.facts.StopHow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of property values. Each read checks the value against the type it expects,
 * so a wrong value is reported with its key rather than misread.
 */
public final class PropertyValues {

    private PropertyValues() {}

    /** {@code true} for {@code on}, {@code false} for {@code off}. */
    public static boolean onOff(String key, String value) {
        require(key, value, PropertyType.ON_OFF);
        return value.equals("on");
    }

    /** A duration in whole seconds, 0..86400. */
    public static int seconds(String key, String value) {
        require(key, value, PropertyType.SECONDS);
        return Integer.parseInt(value);
    }

    /** A bounded count such as {@code accesscode_max_attempts}, 1..10. */
    public static int attempts(String key, String value) {
        require(key, value, PropertyType.ATTEMPTS);
        return Integer.parseInt(value);
    }

    /** The roles named by their letters; empty for an empty value (nobody). */
    public static Set<Role> roles(String key, String value) {
        require(key, value, PropertyType.ROLES);
        return RoleSet.parse(value).roles();
    }

    /** {@code first} or {@code host}. */
    public static StartHow startHow(String key, String value) {
        require(key, value, PropertyType.START_HOW);
        return StartHow.of(value);
    }

    /** {@code last} or {@code host}. */
    public static StopHow stopHow(String key, String value) {
        require(key, value, PropertyType.STOP_HOW);
        return StopHow.of(value);
    }

    /** A DTMF sequence of 1 to 8 of {@code 0-9*#}. */
    public static String dtmf(String key, String value) {
        require(key, value, PropertyType.DTMF);
        return value;
    }

    /** Reads {@code key} from {@code properties} and checks it is present. */
    public static String get(Map<String, String> properties, String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new InvalidPropertyException(List.of(new PropertyViolation(key, null, "not set")));
        }
        return value;
    }

    private static void require(String key, String value, PropertyType type) {
        type.check(value).ifPresent(reason -> {
            throw new InvalidPropertyException(List.of(new PropertyViolation(key, value, reason)));
        });
    }
}
