package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each refusal branch of {@link RegexCheck}, and the shapes analysts write that must pass. */
class RegexCheckTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "(a+)+$ ; exponential time",
                "(a|aa)* ; exponential time",
                "(x*y*)*z ; exponential time",
                "((ab)+)+ ; exponential time",
                "(a)\\1 ; back-references are not allowed",
                "(?<n>a)\\k<n> ; back-references are not allowed",
                "a{1001} ; a repetition of more than 1000",
                "a{2,5000} ; a repetition of more than 1000",
                "[0-9 ; it is not a valid regular expression"
            })
    void refused(String regex, String problem) {
        assertThat(RegexCheck.problem(regex)).contains(problem);
        assertThat(RegexCheck.refusal(regex)).startsWith("regular expression '" + regex + "' is refused: ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[0-9]{1,20}",
                "\\+?[0-9]{7,15}",
                "(?i)host|participant",
                "(?:ab)+c",
                "[(a+)+]",
                "\\Q(a+)+\\E",
                "(a)?b",
                "x{3}"
            })
    void allowed(String regex) {
        assertThat(RegexCheck.problem(regex)).isNull();
        assertThat(RegexCheck.refusal(regex)).isNull();
    }

    @Test
    void onlyAConstantStringIsAPattern() {
        assertThat(RegexCheck.refusal(null))
                .isEqualTo("regular expression is refused: a pattern must be a constant string");
        assertThat(RegexCheck.refusal(42)).contains("a pattern must be a constant string");
    }
}
