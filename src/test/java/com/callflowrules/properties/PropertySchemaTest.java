package com.callflowrules.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.facts.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertySchemaTest {

    private final PropertySchema schema = PropertySchema.standard();

    @Test
    void holdsTheTwentyFivePropertiesOfTheDomainWithTheirBaseValues() {
        assertThat(schema.keys()).hasSize(25);
        assertThat(schema.baseValues())
                .containsEntry("call_mute_dtmf_binding", "*6")
                .containsEntry("conference_announceparticipantcount_policy", "hpl")
                .containsEntry("conference_mute_policy", "l")
                .containsEntry("conference_start_how", "first")
                .containsEntry("conference_start_wait", "360")
                .containsEntry("conference_stop_wait", "180")
                .containsEntry("did_language", "en_US")
                .containsEntry("did_prompt_serial", "001")
                .containsEntry("accesscode_max_attempts", "3")
                .containsEntry("accesscode_input_timeout", "5");
    }

    @Test
    void everyBaseValuePassesItsOwnType() {
        assertThat(schema.check(schema.baseValues())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is valid")
    @CsvSource(
            delimiter = '|',
            value = {
                "call_mute_dtmf_binding|*6", "call_mute_dtmf_binding|#12*34#9", "conference_mute_policy|''",
                "conference_mute_policy|lph", "conference_moh_enabled|off", "conference_start_wait|0",
                "conference_start_wait|86400", "did_language|pt_BR", "conference_start_how|host",
                "conference_stop_how|host", "accesscode_max_attempts|10", "did_prompt_serial|002",
                "conference_moh|jazz-loop_2.wav"
            })
    void acceptsValuesOfTheRightType(String key, String value) {
        assertThat(schema.check(key, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "call_mute_dtmf_binding|''|1 to 8 of 0-9 * #",
                "call_mute_dtmf_binding|*123456789|1 to 8 of 0-9 * #",
                "call_mute_dtmf_binding|*A|1 to 8 of 0-9 * #",
                "conference_mute_policy|hh|any of h, p, l, each at most once",
                "conference_mute_policy|x|any of h, p, l, each at most once",
                "conference_moh_enabled|yes|on or off",
                "conference_moh_enabled|true|on or off",
                "conference_start_wait|-1|an integer 0..86400",
                "conference_start_wait|86401|an integer 0..86400",
                "conference_start_wait|10s|an integer 0..86400",
                "conference_start_wait|0360|an integer 0..86400",
                "did_language|english|a locale like en_US",
                "conference_start_how|last|first or host",
                "conference_stop_how|first|last or host",
                "accesscode_max_attempts|0|an integer 1..10",
                "accesscode_max_attempts|11|an integer 1..10",
                "did_prompt_serial|1a|1 to 16 digits",
                "conference_moh|has space|a media name"
            })
    void refusesValuesOfTheWrongTypeNamingKeyValueAndRule(String key, String value, String rule) {
        PropertyViolation violation = schema.check(key, value).orElseThrow();
        assertThat(violation.key()).isEqualTo(key);
        assertThat(violation.value()).isEqualTo(value);
        assertThat(violation.message())
                .contains(key)
                .contains("'" + value + "'")
                .contains(rule);
    }

    @Test
    void refusesUnknownKeys() {
        assertThat(schema.check("conference_colour", "blue"))
                .hasValueSatisfying(
                        v -> assertThat(v.message()).isEqualTo("conference_colour = 'blue': unknown property key"));
    }

    @Test
    void validateReportsEveryViolationAtOnce() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("conference_start_wait", "forever");
        properties.put("did_language", "en_US");
        properties.put("nope", "1");
        assertThatThrownBy(() -> schema.validate(properties))
                .isInstanceOfSatisfying(InvalidPropertyException.class, e -> {
                    assertThat(e.violations())
                            .extracting(PropertyViolation::key)
                            .containsExactly("conference_start_wait", "nope");
                    assertThat(e.getMessage())
                            .contains("conference_start_wait = 'forever': must be an integer 0..86400");
                });
    }

    @Test
    void typedReadsParseTheirType() {
        assertThat(PropertyValues.onOff("conference_moh_enabled", "on")).isTrue();
        assertThat(PropertyValues.onOff("conference_moh_enabled", "off")).isFalse();
        assertThat(PropertyValues.seconds("conference_start_wait", "360")).isEqualTo(360);
        assertThat(PropertyValues.roles("conference_mute_policy", "pl"))
                .containsExactlyInAnyOrder(Role.PARTICIPANT, Role.LISTENER);
        assertThat(PropertyValues.roles("conference_mute_policy", "")).isEmpty();
        assertThat(PropertyValues.dtmf("call_mute_dtmf_binding", "*6")).isEqualTo("*6");
        assertThat(PropertyValues.attempts("accesscode_max_attempts", "4")).isEqualTo(4);
    }

    @Test
    void typedReadOfAWrongValueNamesTheKey() {
        assertThatThrownBy(() -> PropertyValues.seconds("conference_stop_wait", "soon"))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessage("conference_stop_wait = 'soon': must be an integer 0..86400");
        assertThatThrownBy(() -> PropertyValues.get(Map.of(), "did_language")).hasMessage("did_language: not set");
    }
}
