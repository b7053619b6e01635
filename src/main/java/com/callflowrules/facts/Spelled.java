package com.callflowrules.facts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A closed set spelled one way wherever it is written: property values, call-flow YAML, JSON, the
 * store, scenarios and the audit. The spelling is the constant's name in lower case
 * ({@code changing_role}, {@code collect_digits}) unless the set overrides {@link #spelling()};
 * {@link #parse} is the one way back.
 */
public interface Spelled {

    /** How the constant is written outside Java. */
    @JsonValue
    default String spelling() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelled {@code spelling}; throws naming every spelling it allows. */
    static <E extends Enum<E> & Spelled> E parse(Class<E> type, String spelling) {
        for (E constant : type.getEnumConstants()) {
            if (constant.spelling().equals(spelling)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be " + spellings(type) + ", not '" + spelling + "'");
    }

    /** Every spelling of {@code type}, as a message lists them: {@code host, participant or listener}. */
    static <E extends Enum<E> & Spelled> String spellings(Class<E> type) {
        List<String> all =
                Arrays.stream(type.getEnumConstants()).map(Spelled::spelling).toList();
        return all.size() == 1
                ? all.get(0)
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }
}
