package com.callflowrules.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.hierarchy.AccountRepository;
import com.callflowrules.hierarchy.DidGroupRepository;
import com.callflowrules.hierarchy.DidRepository;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.support.MvcAnswers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the configuration bodies are bound and checked ({@link RequestBinder}): every wrong field,
 * unknown ones included, is named in one answer in the API's spelling, a PATCH is a merge patch
 * of the stored object checked by the same constraints, and nothing refused reaches the store. A
 * web slice: the hierarchy controllers, the binder and the error mapping, with the store left out.
 */
@WebMvcTest({AccountController.class, DidController.class, MeetingRoomController.class})
@Import({RequestBinder.class, FlowReferences.class, ConfigurationWrites.class})
@EnableConfigurationProperties(AccountDefaultsProperties.class)
class ConfigurationRequestsSliceTest {

    private static final Account ACME =
            new Account("a-1", "Acme", null, Map.of("did_language", "de_DE"), Instant.parse("2026-01-01T00:00:00Z"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    AccountDefaultsProperties defaults;

    @MockitoBean
    AccountRepository accounts;

    @MockitoBean
    DidRepository dids;

    @MockitoBean
    DidGroupRepository groups;

    @MockitoBean
    MeetingRoomRepository rooms;

    @MockitoBean
    DecisionEngine engine;

    @MockitoBean
    TransactionTemplate transactions;

    @BeforeEach
    void storedAccount() {
        when(accounts.findForUpdate("a-1")).thenReturn(Optional.of(ACME));
        when(accounts.update(any())).thenReturn(true);
        // the rule base knows every flow but "teleport"
        when(engine.callFlow(any()))
                .thenAnswer(call -> Optional.of(call.<String>getArgument(0))
                        .filter(name -> !name.equals("teleport"))
                        .map(name -> new CallFlow(CallFlow.sidFor(name), name, null, "", Map.of())));
        when(transactions.execute(any()))
                .thenAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
    }

    private JsonNode answer(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        return MvcAnswers.answer(mvc, json, request, body, status);
    }

    private static List<String> fields(JsonNode error) {
        return MvcAnswers.fields(error);
    }

    private static List<String> messages(JsonNode error) {
        return error.get("errors").findValuesAsString("message");
    }

    private Account updated() {
        ArgumentCaptor<Account> written = ArgumentCaptor.forClass(Account.class);
        verify(accounts).update(written.capture());
        return written.getValue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{}                                         | name                   | is required",
                "{\"name\": 5}                              | name                   | must be a string",
                "{\"name\": \"\"}                           | name                   | must be 1 to 255 characters",
                "{\"name\": \"A\\tB\"}                      | name                   | must not contain control characters (found U+0009 at 1)",
                "{\"name\": \"A\", \"properties\": \"x\"}   | properties             | must be an object",
                "{\"name\": \"A\", \"properties\": {\"did_language\": 7}} | properties.did_language | must be a string",
                "{\"name\": \"A\", \"call_flow_sid\": \"teleport\"} | call_flow_sid | 'teleport' names no call flow"
            })
    void anAccountIsRefusedNamingTheField(String body, String field, String message) throws Exception {
        JsonNode error = answer(post("/conference/v2/accounts"), body, 422);

        assertThat(error.get("error").asString()).isEqualTo("validation_failed");
        assertThat(fields(error)).containsExactly(field);
        assertThat(messages(error)).containsExactly(message);
        verifyNoInteractions(accounts);
    }

    @Test
    void anAccountLeftWithoutAFlowGetsTheDefaultOneAndOneSetToNullHasNone() throws Exception {
        answer(post("/conference/v2/accounts"), """
                {"name": "Acme"}""", 201);
        answer(post("/conference/v2/accounts"), """
                {"name": "Bare", "call_flow_sid": null}""", 201);
        answer(post("/conference/v2/accounts"), """
                {"name": "Open", "call_flow_sid": "open"}""", 201);

        verify(accounts).create("Acme", CallFlow.sidFor(defaults.defaultCallFlow()), Map.of());
        verify(accounts).create("Bare", null, Map.of());
        verify(accounts).create("Open", CallFlow.sidFor("open"), Map.of());
    }

    @Test
    void unknownFieldsAtAnyDepthAreNamedWithTheOtherWrongFields() throws Exception {
        JsonNode error = answer(post("/conference/v2/meeting_rooms"), """
                {"name": "", "colour": "red",
                 "access_codes": [{"access_code": "12ab", "role": "boss", "size": {"big": true}}],
                 "properties": {"conference_start_wait": "soon"}}""", 422);

        assertThat(fields(error))
                .containsExactly(
                        "access_codes[0].access_code",
                        "access_codes[0].role",
                        "access_codes[0].size",
                        "account_sid",
                        "colour",
                        "name",
                        "properties.conference_start_wait");
        assertThat(messages(error))
                .containsExactly(
                        "must be 1 to 16 digits",
                        "must be host, participant or listener",
                        "unknown field",
                        "is required",
                        "unknown field",
                        "must be 1 to 255 characters",
                        "'soon' must be an integer 0..86400");
        assertThat(error.get("message").asString()).isEqualTo("7 fields are invalid");
        verifyNoInteractions(rooms);
    }

    @Test
    void wrongShapesInsideAListAreNamedByTheirPlace() throws Exception {
        JsonNode notAList = answer(post("/conference/v2/meeting_rooms"), """
                        {"account_sid": "a-1", "access_codes": {}}""", 422);
        JsonNode aNullCode = answer(post("/conference/v2/meeting_rooms"), """
                        {"account_sid": "a-1", "access_codes": [null]}""", 422);

        assertThat(fields(notAList)).containsExactly("access_codes");
        assertThat(messages(notAList)).containsExactly("must be a list");
        assertThat(fields(aNullCode)).containsExactly("access_codes[0]");
        assertThat(messages(aNullCode)).containsExactly("must be an object {access_code, role}");
        verifyNoInteractions(rooms);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "+1555", // too short for any country
                "+9991234567", // no country has the code 999
                "+1 555 000 1000", // spaces: the API takes the forms the platforms send
                "sip:+15550001000@pbx.example.com", // a SIP URI comes from jambonz, never from the API
                "015550001000"
            })
    void aDidNumberIsAPossibleE164Number(String number) throws Exception {
        JsonNode error = answer(post("/conference/v2/dids"), """
                        {"account_sid": "a-1", "phonenumber": "%s"}""".formatted(number), 422);

        assertThat(fields(error)).containsExactly("phonenumber");
        assertThat(messages(error))
                .containsExactly("must be an E.164 number: 7 to 15 digits, the + optional, of a country code that"
                        + " exists and a length possible there");
        verifyNoInteractions(dids);
    }

    @Test
    void aPatchIsAMergePatchOfTheStoredObject() throws Exception {
        answer(patch("/conference/v2/accounts/a-1"), """
                        {"properties": {"conference_start_wait": "60", "did_language": null}}""", 200);

        Account written = updated();
        assertThat(written.name()).as("a field left out keeps its value").isEqualTo("Acme");
        assertThat(written.properties()).containsExactly(Map.entry("conference_start_wait", "60"));
        assertThat(written.dateCreated()).isEqualTo(ACME.dateCreated());
    }

    @Test
    void aPatchSettingPropertiesToNullRemovesEveryOverride() throws Exception {
        answer(patch("/conference/v2/accounts/a-1"), """
                {"properties": null}""", 200);

        assertThat(updated().properties()).isEmpty();
    }

    @Test
    void aPatchIsCheckedByTheConstraintsOfACreate() throws Exception {
        JsonNode unsetName = answer(patch("/conference/v2/accounts/a-1"), """
                {"name": null}""", 422);
        JsonNode unknownKey = answer(patch("/conference/v2/accounts/a-1"), """
                        {"properties": {"conference_colour": null}}""", 422);
        JsonNode notAnObject = answer(patch("/conference/v2/accounts/a-1"), """
                ["name"]""", 400);

        assertThat(fields(unsetName)).containsExactly("name");
        assertThat(messages(unsetName)).containsExactly("is required");
        assertThat(fields(unknownKey)).containsExactly("properties.conference_colour");
        assertThat(messages(unknownKey)).containsExactly("unknown property key");
        assertThat(notAnObject.get("message").asString()).isEqualTo("the body must be a JSON object");
        verify(accounts, never()).update(any());
    }

    @Test
    void aPutIgnoresTheReadOnlyFieldsOfAnAnswerAndUnsetsWhatItLeavesOut() throws Exception {
        answer(put("/conference/v2/accounts/a-1"), """
                {"account_sid": "a-2", "date_created": "2020-01-01T00:00:00Z", "name": "Acme Ltd"}""", 200);

        Account written = updated();
        assertThat(written.accountSid()).isEqualTo("a-1");
        assertThat(written.dateCreated()).isEqualTo(ACME.dateCreated());
        assertThat(written.name()).isEqualTo("Acme Ltd");
        assertThat(written.properties()).isEmpty();
    }
}
