package com.callflowrules.numbers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers in their canonical form, E.164 with the {@code +}, parsed and formatted by Google's
 * libphonenumber. A number is taken as it comes from the platforms and the API: {@code
 * +15550001000}, the digits-only E.164 that some platforms and older configurations use
 * ({@code 15550001000}), with separators ({@code +1 555-000-1000}), or as the user part of a SIP
 * or tel URI ({@code sip:+15550001000@pbx.example.com;user=phone}). Digits without a {@code +} are
 * read as international (E.164 has no national form without a region, and the service serves
 * numbers of many countries). Only the length rules of the number's country are checked
 * ({@code isPossibleNumber}), not whether the range is assigned: test ranges such as 555 must work.
 */
public final class PhoneNumbers {

    /** What {@link #canonical} accepts, in words for error messages. */
    public static final String RULE =
            "an E.164 number (+ and 7 to 15 digits, the + optional), of a country code that exists and a length"
                    + " possible there";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern URI_SCHEME = Pattern.compile("(?i)^(sips?|tel):");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{1,20}");
    private static final int MAX_INPUT = 256;
    /** The length of a call's stored numbers. */
    public static final int KEPT = 32;

    private PhoneNumbers() {}

    /** {@code raw} in E.164 with its {@code +}, or empty when it is not a possible international number. */
    public static Optional<String> canonical(String raw) {
        if (raw == null || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(userPart(raw.strip())).replaceAll("");
        if (!DIGITS.matcher(digits).matches()) {
            return Optional.empty();
        }
        String international = digits.startsWith("+") ? digits : "+" + digits;
        try {
            PhoneNumber number = UTIL.parse(international, "ZZ");
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A calling or called number as it will be kept on a call: canonical when it is a number,
     * otherwise as it came (a caller may be {@code anonymous}, or a SIP user that is no number),
     * cut to the {@value #KEPT} characters a call keeps of it.
     */
    public static String canonicalOrAsGiven(String raw) {
        if (raw == null) {
            return "";
        }
        String given = canonical(raw).orElse(raw.strip());
        return given.length() > KEPT ? given.substring(0, KEPT) : given;
    }

    /** The user part of a SIP or tel URI ({@code sip:user@host;params}), or {@code raw} itself. */
    private static String userPart(String raw) {
        var scheme = URI_SCHEME.matcher(raw);
        if (!scheme.find()) {
            return raw;
        }
        String rest = raw.substring(scheme.end());
        int at = rest.indexOf('@');
        String user = at < 0 ? rest : rest.substring(0, at);
        int params = user.indexOf(';');
        return params < 0 ? user : user.substring(0, params);
    }
}
