package com.callflowrules.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The configuration API over real HTTP, on the embedded database. */
@ServiceTest
class ConfigurationApiTest {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private String account(String json) {
        Answer created = api.post("/accounts", json);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("account_sid");
    }

    @Test
    void anAccountIsCreatedWithTheDefaultFlowAndReadBack() {
        Answer created = api.post("/accounts", """
                {"name": "Acme", "properties": {"did_language": "de_DE"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("call_flow_sid")).isEqualTo(CallFlow.sidFor("secured"));
        assertThat(created.body().get("properties").get("did_language").asString())
                .isEqualTo("de_DE");
        assertThat(created.body().has("date_created")).isTrue();
        assertThat(api.get("/accounts/" + created.text("account_sid")).body()).isEqualTo(created.body());
    }

    @Test
    void aFlowMayBeNamedByNameOrSidAndAlwaysAnswersWithTheSid() {
        Answer byName = api.post("/accounts", """
                {"name": "A", "call_flow_sid": "open"}""");
        Answer bySid = api.post(
                "/accounts", "{\"name\": \"B\", \"call_flow_sid\": \"" + CallFlow.sidFor("direct_host") + "\"}");
        Answer none = api.post("/accounts", """
                {"name": "C", "call_flow_sid": null}""");

        assertThat(byName.text("call_flow_sid")).isEqualTo(CallFlow.sidFor("open"));
        assertThat(bySid.text("call_flow_sid")).isEqualTo(CallFlow.sidFor("direct_host"));
        assertThat(none.text("call_flow_sid")).isNull();
    }

    @Test
    void wrongValuesAre422NamingEveryFieldAndStoreNothing() {
        int before = api.get("/accounts").body().get("total").asInt();

        Answer answer = api.post("/accounts", """
                {"name": "", "call_flow_sid": "teleport", "colour": "red",
                 "properties": {"conference_start_wait": "soon", "conference_colour": "blue"}}""");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("validation_failed");
        assertThat(answer.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "name",
                        "call_flow_sid",
                        "colour",
                        "properties.conference_start_wait",
                        "properties.conference_colour");
        assertThat(answer.raw()).contains("'soon' must be an integer 0..86400");
        assertThat(api.get("/accounts").body().get("total").asInt()).isEqualTo(before);
    }

    @Test
    void malformedJsonWrongShapeAndWrongMediaTypeAreRefused() {
        Answer malformed = api.post("/accounts", "{\"name\": ");
        Answer array = api.post("/accounts", "[1, 2]");
        Answer text = api.send("POST", "/accounts", "name=Acme", "text/plain");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("message")).isEqualTo("the body is not valid JSON");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.text("message")).contains("JSON object");
        assertThat(text.status()).isEqualTo(415);
        assertThat(malformed.raw() + array.raw() + text.raw())
                .doesNotContain("Exception")
                .doesNotContain("at com.");
    }

    @Test
    void patchMergesPropertiesPerKeyAndNullRemovesAKeyWhilePutReplaces() {
        String sid = account("""
                        {"name": "Acme", "properties": {"did_language": "de_DE", "conference_moh": "jazz"}}""");

        Answer patched = api.patch("/accounts/" + sid, """
                        {"properties": {"conference_moh": null, "conference_start_wait": "60"}}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("properties").propertyNames())
                .containsExactlyInAnyOrder("did_language", "conference_start_wait");
        assertThat(patched.text("name")).isEqualTo("Acme");

        Answer put = api.put("/accounts/" + sid, """
                {"name": "Acme Ltd"}""");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("properties").size()).isZero();
        assertThat(put.text("call_flow_sid"))
                .as("a field left out of a PUT is unset")
                .isNull();
        assertThat(api.get("/accounts/" + sid).text("name")).isEqualTo("Acme Ltd");
    }

    @Test
    void aBadPatchChangesNothing() {
        String sid = account("""
                {"name": "Acme", "properties": {"did_language": "de_DE"}}""");

        Answer answer = api.patch("/accounts/" + sid, """
                        {"name": "New", "properties": {"did_language": "german"}}""");

        assertThat(answer.status()).isEqualTo(422);
        Answer unchanged = api.get("/accounts/" + sid);
        assertThat(unchanged.text("name")).isEqualTo("Acme");
        assertThat(unchanged.body().get("properties").get("did_language").asString())
                .isEqualTo("de_DE");
    }

    @Test
    void unknownSidsAre404() {
        assertThat(api.get("/accounts/nope").status()).isEqualTo(404);
        assertThat(api.patch("/dids/nope", "{}").status()).isEqualTo(404);
        assertThat(api.delete("/meeting_rooms/nope").status()).isEqualTo(404);
        assertThat(api.get("/did_groups/nope").text("message")).isEqualTo("no DID group nope");
    }

    @Test
    void aPhoneNumberTakenIs409AndAGroupOfAnotherAccountIs422() {
        String acme = account("""
                {"name": "Acme"}""");
        String other = account("""
                {"name": "Other"}""");
        String othersGroup = api.post("/did_groups", "{\"account_sid\": \"" + other + "\", \"name\": \"G\"}")
                .text("did_group_sid");
        assertThat(api.post("/dids", "{\"account_sid\": \"" + acme + "\", \"phonenumber\": \"15551230001\"}")
                        .status())
                .isEqualTo(201);

        Answer taken = api.post("/dids", "{\"account_sid\": \"" + acme + "\", \"phonenumber\": \"15551230001\"}");
        Answer foreignGroup = api.post(
                "/dids",
                "{\"account_sid\": \"" + acme + "\", \"phonenumber\": \"15551230002\", \"did_group_sid\": \""
                        + othersGroup + "\"}");
        Answer badNumber = api.post("/dids", "{\"account_sid\": \"" + acme + "\", \"phonenumber\": \"+1 555\"}");
        Answer noAccount = api.post("/dids", """
                {"account_sid": "nope", "phonenumber": "15551230003"}""");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("error")).isEqualTo("conflict");
        assertThat(foreignGroup.status()).isEqualTo(422);
        assertThat(foreignGroup.body().get("errors").get(0).get("field").asString())
                .isEqualTo("did_group_sid");
        assertThat(badNumber.status()).isEqualTo(422);
        assertThat(badNumber.raw()).contains("E.164");
        assertThat(noAccount.status()).isEqualTo(422);
    }

    @Test
    void accessCodesAreUniquePerAccountAndGroupAndValidated() {
        String acme = account("""
                {"name": "Acme"}""");
        String room = "{\"account_sid\": \"" + acme
                + "\", \"access_codes\": [{\"access_code\": \"4321\", \"role\": \"host\"}]}";
        Answer first = api.post("/meeting_rooms", room);

        Answer clash = api.post("/meeting_rooms", room);
        Answer twice = api.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + acme + "\", \"access_codes\": ["
                        + "{\"access_code\": \"1\", \"role\": \"host\"}, {\"access_code\": \"1\", \"role\": \"listener\"}]}");
        Answer invalid = api.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + acme + "\", \"access_codes\": ["
                        + "{\"access_code\": \"12ab\", \"role\": \"boss\"}]}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("access_codes").get(0).get("role").asString())
                .isEqualTo("host");
        assertThat(first.body().get("ad_hoc").asBoolean()).isFalse();
        assertThat(clash.status()).isEqualTo(409);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("message")).contains("access code 1 is listed twice");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("errors").findValuesAsString("field"))
                .containsExactly("access_codes[0].access_code", "access_codes[0].role");
    }

    @Test
    void objectsStillReferencedCannotBeDeleted() {
        String acme = account("""
                {"name": "Acme"}""");
        String group = api.post("/did_groups", "{\"account_sid\": \"" + acme + "\", \"name\": \"G\"}")
                .text("did_group_sid");
        String did = api.post(
                        "/dids",
                        "{\"account_sid\": \"" + acme + "\", \"phonenumber\": \"15551239999\", \"did_group_sid\": \""
                                + group + "\"}")
                .text("did_sid");

        assertThat(api.delete("/did_groups/" + group).status()).isEqualTo(409);
        assertThat(api.delete("/accounts/" + acme).status()).isEqualTo(409);
        assertThat(api.delete("/dids/" + did).status()).isEqualTo(204);
        assertThat(api.get("/dids/" + did).status()).isEqualTo(404);
        assertThat(api.delete("/did_groups/" + group).status()).isEqualTo(204);
        assertThat(api.delete("/accounts/" + acme).status()).isEqualTo(204);
    }

    @Test
    void aDidOrRoomALiveCallUsesCannotBeDeletedUntilTheCallEnds() {
        String acme = account("""
                {"name": "Acme", "call_flow_sid": "secured"}""");
        String did = api.post("/dids", """
                        {"account_sid": "%s", "phonenumber": "+15551238888"}""".formatted(acme)).text("did_sid");
        String room = api.post("/meeting_rooms", """
                        {"account_sid": "%s", "access_codes": [{"access_code": "5150", "role": "host"}]}""".formatted(acme)).text("meeting_room_sid");
        String call = api.post("/calls", "{\"number_dst\": \"+15551238888\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        assertThat(api.post("/calls/" + call + "/access_code", "{\"access_code\": \"5150\"}")
                        .status())
                .isEqualTo(200);

        Answer did409 = api.delete("/dids/" + did);
        Answer room409 = api.delete("/meeting_rooms/" + room);

        assertThat(did409.status()).isEqualTo(409);
        assertThat(did409.raw()).contains("the DID " + did + " is used by live calls (" + call + ")");
        assertThat(room409.status()).isEqualTo(409);
        assertThat(room409.raw()).contains("the meeting room " + room + " is used by live calls (" + call + ")");
        assertThat(api.get("/dids/" + did).status()).as("nothing was deleted").isEqualTo(200);
        assertThat(api.get("/meeting_rooms/" + room).status()).isEqualTo(200);

        assertThat(api.delete("/calls/" + call).status()).isEqualTo(200);

        assertThat(api.delete("/meeting_rooms/" + room).status()).isEqualTo(204);
        assertThat(api.delete("/dids/" + did).status()).isEqualTo(204);
    }

    @Test
    void listsArePagedAndFilteredByAccount() {
        String acme = account("""
                {"name": "Acme"}""");
        for (int i = 0; i < 3; i++) {
            api.post("/did_groups", "{\"account_sid\": \"" + acme + "\", \"name\": \"G" + i + "\"}");
        }

        Answer page = api.get("/did_groups?account_sid=" + acme + "&limit=2");
        Answer rest = api.get("/did_groups?account_sid=" + acme + "&limit=2&offset=2");

        assertThat(page.body().get("total").asInt()).isEqualTo(3);
        assertThat(page.body().get("count").asInt()).isEqualTo(2);
        assertThat(page.body().get("has_more").asBoolean()).isTrue();
        assertThat(rest.body().get("count").asInt()).isEqualTo(1);
        assertThat(rest.body().get("has_more").asBoolean()).isFalse();
        assertThat(api.get("/accounts?limit=1001").status()).isEqualTo(400);
    }

    @Test
    void groupsDidsAndRoomsArePatchedAndPut() {
        String acme = account("""
                {"name": "Acme"}""");
        String group = api.post(
                        "/did_groups",
                        "{\"account_sid\": \"" + acme + "\", \"name\": \"G\", \"call_flow_sid\": \"open\"}")
                .text("did_group_sid");
        String did = api.post("/dids", "{\"account_sid\": \"" + acme + "\", \"phonenumber\": \"15557770001\"}")
                .text("did_sid");
        String room = api.post(
                        "/meeting_rooms",
                        "{\"account_sid\": \"" + acme + "\", \"name\": \"R\", \"access_codes\": "
                                + "[{\"access_code\": \"10\", \"role\": \"host\"}]}")
                .text("meeting_room_sid");

        Answer groupPatched = api.patch("/did_groups/" + group, """
                {"properties": {"conference_moh": "jazz"}}""");
        Answer groupPut = api.put("/did_groups/" + group, """
                {"name": "G2"}""");
        Answer didPatched =
                api.patch("/dids/" + did, "{\"did_group_sid\": \"" + group + "\", \"call_flow_sid\": \"direct_host\"}");
        Answer didPut = api.put("/dids/" + did, """
                {"phonenumber": "15557770002"}""");
        Answer roomPatched = api.patch(
                "/meeting_rooms/" + room,
                "{\"did_group_sid\": \"" + group + "\", \"access_codes\": "
                        + "[{\"access_code\": \"20\", \"role\": \"listener\"}, {\"access_code\": \"21\", \"role\": \"host\"}]}");
        Answer roomPut = api.put("/meeting_rooms/" + room, """
                {"name": "Only a name"}""");
        Answer accountMoved = api.patch("/dids/" + did, """
                {"account_sid": "someone-else"}""");

        assertThat(groupPatched.text("call_flow_sid")).isEqualTo(CallFlow.sidFor("open"));
        assertThat(groupPatched.body().get("properties").get("conference_moh").asString())
                .isEqualTo("jazz");
        assertThat(groupPut.text("name")).isEqualTo("G2");
        assertThat(groupPut.text("call_flow_sid")).isNull();
        assertThat(didPatched.text("did_group_sid")).isEqualTo(group);
        assertThat(didPatched.text("call_flow_sid")).isEqualTo(CallFlow.sidFor("direct_host"));
        assertThat(didPut.text("phonenumber")).as("stored in E.164 with its +").isEqualTo("+15557770002");
        assertThat(didPut.text("did_group_sid")).isNull();
        assertThat(roomPatched.body().get("access_codes").findValuesAsString("access_code"))
                .containsExactly("20", "21");
        assertThat(roomPatched.text("did_group_sid")).isEqualTo(group);
        assertThat(roomPut.body().get("access_codes").size()).isZero();
        assertThat(roomPut.text("did_group_sid")).isNull();
        assertThat(accountMoved.status())
                .as("account_sid is read-only and ignored")
                .isEqualTo(200);
        assertThat(accountMoved.text("account_sid")).isEqualTo(acme);
        assertThat(api.get("/dids/" + did).text("phonenumber")).isEqualTo("+15557770002");
    }

    private java.net.http.HttpResponse<String> raw(String method, String path, String header, String value)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/conference/v2" + path))
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "dev:dev-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsSayWhereReadsAreConditionalAndDeletesHonourIfMatch() throws Exception {
        var created = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/conference/v2/accounts"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString("dev:dev-password"
                                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"Tagged\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String sid = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(created.body())
                .get("account_sid")
                .asString();
        assertThat(created.headers().firstValue("Location"))
                .hasValue("http://localhost:" + port + "/conference/v2/accounts/" + sid);
        String tag = created.headers().firstValue("ETag").orElseThrow();

        var unchanged = raw("GET", "/accounts/" + sid, "If-None-Match", tag);
        var other = raw("GET", "/accounts/" + sid, "If-None-Match", "\"0\"");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(other.statusCode()).isEqualTo(200);

        var stale = raw("DELETE", "/accounts/" + sid, "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(api.get("/accounts/" + sid).status()).as("nothing deleted").isEqualTo(200);
        assertThat(raw("DELETE", "/accounts/" + sid, "If-Match", tag).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/accounts/" + sid).status()).isEqualTo(404);
    }
}
