package com.callflowrules.facts;

import java.util.Locale;

/** The one way a closed set's lower-case property spelling maps to its enum constant. */
final class Spelling {

    private Spelling() {}

    /** The constant of {@code type} spelled {@code spelling} in lower case; throws naming {@code allowed} otherwise. */
    static <E extends Enum<E>> E of(Class<E> type, String spelling, String allowed) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(spelling)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be " + allowed + ", not '" + spelling + "'");
    }
}
