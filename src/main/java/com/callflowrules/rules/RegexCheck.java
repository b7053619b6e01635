package com.callflowrules.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions a rule may match with: constants that compile, with no back-references and
 * no quantified group that itself contains a quantifier or an alternation ({@code (a+)+},
 * {@code (a|aa)*}), the shapes whose backtracking grows exponentially with the input. What is
 * left matches in time polynomial, in practice linear, in the length of the value.
 */
final class RegexCheck {

    /** Longest counted repetition ({@code {n,m}}) a rule may use. */
    static final int MAX_REPEAT = 1_000;

    private RegexCheck() {}

    /**
     * Why compiling {@code pattern}, the value a generated {@code Pattern.compile} is handed, is
     * refused, or {@code null} when it may be compiled: only a constant string passes, and only one
     * {@link #problem} finds nothing wrong with.
     */
    static String refusal(Object pattern) {
        if (!(pattern instanceof String regex)) {
            return "regular expression is refused: a pattern must be a constant string";
        }
        String problem = problem(regex);
        return problem == null ? null : "regular expression '" + regex + "' is refused: " + problem;
    }

    /** Why {@code regex} may not be used, or {@code null} when it may. */
    static String problem(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return "it is not a valid regular expression (" + e.getDescription() + ")";
        }
        // Per open group: whether it holds a quantifier or an alternation.
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[1]);
        boolean lastWasRiskyGroup = false;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean riskyGroupBefore = lastWasRiskyGroup;
            lastWasRiskyGroup = false;
            if (c == '\\') {
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
                if (!inClass && (Character.isDigit(next) && next != '0' || next == 'k')) {
                    return "back-references are not allowed";
                }
                if (next == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? regex.length() : end + 1;
                } else {
                    i++;
                }
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> {
                    groups.push(new boolean[1]);
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                        // (?:, (?=, (?<name>, (?i) ...: the prefix is no quantifier
                        int j = i + 2;
                        while (j < regex.length() && ":=!>)".indexOf(regex.charAt(j)) < 0) {
                            j++;
                        }
                        if (j < regex.length() && regex.charAt(j) == ')') {
                            groups.pop();
                        }
                        i = j;
                    }
                }
                case ')' -> {
                    boolean risky = groups.size() > 1 && groups.pop()[0];
                    lastWasRiskyGroup = risky;
                    if (risky) {
                        groups.peek()[0] = true;
                    }
                }
                case '|' -> groups.peek()[0] = true;
                case '*', '+', '?', '{' -> {
                    if (c == '{') {
                        int end = regex.indexOf('}', i);
                        String[] bounds = regex.substring(i + 1, end).split(",", -1);
                        String upper = bounds.length == 1 ? bounds[0] : bounds[1];
                        if (!upper.isEmpty() && Long.parseLong(upper.strip()) > MAX_REPEAT
                                || Long.parseLong(bounds[0].strip()) > MAX_REPEAT) {
                            return "a repetition of more than " + MAX_REPEAT + " is not allowed";
                        }
                        i = end;
                    }
                    if (riskyGroupBefore && c != '?') {
                        return "a repeated group that contains a repetition or an alternation can take exponential time"
                                + " (rewrite it without the nesting)";
                    }
                    groups.peek()[0] = true;
                    // a possessive or lazy suffix belongs to this quantifier
                    if (i + 1 < regex.length() && (regex.charAt(i + 1) == '+' || regex.charAt(i + 1) == '?')) {
                        i++;
                    }
                }
                default -> {}
            }
        }
        return null;
    }
}
