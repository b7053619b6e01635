package com.callflowrules.api.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.LiveStateAdmin;
import com.callflowrules.session.MeetingRepository;
import com.callflowrules.support.MvcAnswers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the call-control, what-if and meeting bodies are bound and checked ({@code @RequestBody
 * @Valid} records): every refusal is a 422 or 400 in the API's error body that names the field in
 * the API's own spelling, and nothing reaches the call path. A web slice: the controllers, the
 * error mapping and the JSON reading of the service, with the call path itself left out.
 */
@WebMvcTest({CallController.class, DecisionController.class, MeetingController.class})
class CallRequestsSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    CallControl control;

    @MockitoBean
    CallRepository calls;

    @MockitoBean
    LiveStateAdmin admin;

    @MockitoBean
    MeetingRepository meetings;

    @MockitoBean
    com.callflowrules.releases.ReleaseRuleBases releases;

    private JsonNode answer(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        return MvcAnswers.answer(mvc, json, request, body, status);
    }

    private static List<String> fields(JsonNode error) {
        return MvcAnswers.fields(error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                            | number_dst | is required",
                "{\"number_dst\": \"+1 555\"}                  | number_dst | must be 1 to 20 digits, the E.164 + optional",
                "{\"number_dst\": 15550001000}                 | number_dst | must be a string",
                "{\"number_dst\": \"15550001000\", \"number_src\": \"x\"} | number_src | must be 1 to 20 digits, the E.164 + optional",
                "{\"number_dst\": \"15550001000\", \"colour\": \"red\"}   | colour     | unknown field"
            })
    void anArrivalIsRefusedNamingTheField(String body, String field, String message) throws Exception {
        JsonNode error = answer(post("/conference/v2/calls"), body, 422);

        assertThat(error.get("error").asString()).isEqualTo("validation_failed");
        assertThat(fields(error)).containsExactly(field);
        assertThat(error.get("errors").get(0).get("message").asString()).isEqualTo(message);
        verifyNoInteractions(control);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() throws Exception {
        JsonNode error = answer(post("/conference/v2/calls"), """
                {"number_src": "+1-555"}""", 422);

        assertThat(fields(error)).containsExactlyInAnyOrder("number_dst", "number_src");
        assertThat(error.get("message").asString()).isEqualTo("2 fields are invalid");
    }

    @Test
    void aBodyThatIsNoObjectIs400() throws Exception {
        assertThat(answer(post("/conference/v2/calls"), "[1, 2]", 400)
                        .get("message")
                        .asString())
                .isEqualTo("the body must be a JSON object");
        assertThat(answer(post("/conference/v2/calls"), "{\"number_dst\": ", 400)
                        .get("message")
                        .asString())
                .isEqualTo("the body is not valid JSON");
        verifyNoInteractions(control);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"access_code\": \"12 4\"} | must be a string of up to 64 keys (digits, letters, * and #; empty for a timeout)",
                "{\"access_code\": 1234}     | must be a string",
                "{}                          | is required"
            })
    void anEntryThatNoKeypadSendsIsRefused(String body, String message) throws Exception {
        JsonNode error = answer(post("/conference/v2/calls/c-1/access_code"), body, 422);

        assertThat(fields(error)).containsExactly("access_code");
        assertThat(error.get("errors").get(0).get("message").asString()).isEqualTo(message);
        verify(control, never()).enterCode(anyString(), any());
    }

    @Test
    void keysOutsideTheKeypadAreRefused() throws Exception {
        JsonNode error = answer(post("/conference/v2/calls/c-1/dtmf"), """
                {"digits": "*6A"}""", 422);

        assertThat(fields(error)).containsExactly("digits");
        assertThat(error.get("errors").get(0).get("message").asString()).isEqualTo("must be 1 to 16 keys 0-9 * #");
        verify(control, never()).pressed(anyString(), anyString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"\"yes\"", "1", "\"true\""})
    void aCallChangeTakesOnlyJsonBooleans(String muted) throws Exception {
        JsonNode error = answer(patch("/conference/v2/calls/c-1"), "{\"muted\": " + muted + "}", 422);

        assertThat(fields(error)).containsExactly("muted");
        assertThat(error.get("errors").get(0).get("message").asString()).isEqualTo("must be true or false");
        verifyNoInteractions(admin);
    }

    @Test
    void aMeetingChangeIsCheckedByThePropertySchemaAndTheMuteModes() throws Exception {
        JsonNode error = answer(patch("/conference/v2/meetings/m-1"), """
                        {"on_hold": "hh", "participant_muted": "loud"}""", 422);

        assertThat(fields(error)).containsExactlyInAnyOrder("on_hold", "participant_muted");
        assertThat(error.get("errors").findValuesAsString("message"))
                .containsExactlyInAnyOrder(
                        "'hh' must be any of h, p, l, each at most once", "must be false, relaxed or true");
        verifyNoInteractions(admin);
    }

    @Test
    void aWhatIfCodeIsAnEntryAsAKeypadSendsIt() throws Exception {
        JsonNode error =
                answer(post("/conference/v2/decisions"), "{\"number_dst\": \"1555\", \"access_code\": \"#\\n\"}", 422);

        assertThat(fields(error)).containsExactly("access_code");
        verify(control, never()).whatIf(anyString(), any(), any(), any());
    }
}
