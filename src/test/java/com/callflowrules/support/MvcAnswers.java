package com.callflowrules.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers of a web slice: sent as the development user, checked for status and for leaked internals. */
public final class MvcAnswers {

    private static final String USER =
            "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));

    private MvcAnswers() {}

    /** The JSON answer to {@code request} with {@code body}, after asserting its status and that it names no class. */
    public static JsonNode answer(
            MockMvc mvc, JsonMapper json, MockHttpServletRequestBuilder request, String body, int status)
            throws Exception {
        MvcResult result = mvc.perform(request.header("Authorization", USER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
        String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(text).isEqualTo(status);
        assertThat(text).doesNotContain("Exception").doesNotContain("tools.jackson");
        return json.readTree(text);
    }

    /** The fields an error answer names, in its order. */
    public static List<String> fields(JsonNode error) {
        return error.get("errors").findValuesAsString("field");
    }
}
