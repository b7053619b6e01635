package com.callflowrules.properties;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value types of call-flow properties (domain.md section 4). Each type knows the rule a
 * value must follow, so a violation can name it.
 */
public enum PropertyType {
    DTMF("1 to 8 of 0-9 * #", Pattern.compile("[0-9*#]{1,8}")),
    ROLES("any of h, p, l, each at most once", Pattern.compile("(?!.*(.).*\\1)[hpl]{0,3}")),
    ON_OFF("on or off", Pattern.compile("on|off")),
    SECONDS("an integer 0..86400", null),
    LOCALE("a locale like en_US", Pattern.compile("[a-z]{2,3}_[A-Z]{2}")),
    MEDIA_NAME("a media name of 1 to 64 of a-z A-Z 0-9 _ - .", Pattern.compile("[A-Za-z0-9_.-]{1,64}")),
    DIGITS("1 to 16 digits", Pattern.compile("[0-9]{1,16}")),
    START_HOW("first or host", Pattern.compile("first|host")),
    STOP_HOW("last or host", Pattern.compile("last|host")),
    ATTEMPTS("an integer 1..10", null);

    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private final String rule;
    private final Pattern pattern;

    PropertyType(String rule, Pattern pattern) {
        this.rule = rule;
        this.pattern = pattern;
    }

    /** The rule a value of this type must follow, as an error message says it. */
    public String rule() {
        return rule;
    }

    /**
     * The same rule as a regular expression anchored at both ends, for descriptions such as the
     * OpenAPI one (the integer ranges spelled out as alternatives).
     */
    public String anchoredPattern() {
        return switch (this) {
            case SECONDS -> "^(?:0|[1-9][0-9]{0,3}|[1-7][0-9]{4}|8[0-5][0-9]{3}|86[0-3][0-9]{2}|86400)$";
            case ATTEMPTS -> "^(?:[1-9]|10)$";
            default -> "^(?:" + pattern.pattern() + ")$";
        };
    }

    /** Empty when {@code value} is valid, else the reason it is not. */
    public Optional<String> check(String value) {
        if (value == null) {
            return Optional.of("must be " + rule + ", not null");
        }
        boolean valid = switch (this) {
            case SECONDS -> inRange(value, 0, 86_400);
            case ATTEMPTS -> inRange(value, 1, 10);
            default -> pattern.matcher(value).matches();
        };
        return valid ? Optional.empty() : Optional.of("must be " + rule);
    }

    private static boolean inRange(String value, int min, int max) {
        if (!INTEGER.matcher(value).matches()) {
            return false;
        }
        long n = Long.parseLong(value);
        return n >= min && n <= max;
    }
}
