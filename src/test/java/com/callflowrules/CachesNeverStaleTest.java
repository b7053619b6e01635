package com.callflowrules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.hierarchy.HierarchyCache;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The caches of the call path (hierarchy reads and whole decisions) are never stale: after a
 * decision has been served from them, a write at each level of the hierarchy, and a rule swap,
 * change the very next decision. Over real HTTP, on the service's own caches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CachesNeverStaleTest {

    @TempDir
    static Path rulesDir;

    private static RulesCopy rules;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        rules = RulesCopy.of(rulesDir.resolve("rules"));
        registry.add("callflow.rules.directory", () -> rules.root().toString());
        registry.add("callflow.rules.watch", () -> "false");
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:caches;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    @Autowired
    HierarchyCache hierarchyCache;

    @Autowired
    DecisionEngine engine;

    private ApiClient api;
    private String account;
    private String group;
    private String did;
    private String room;
    private String number;

    @BeforeEach
    void hierarchy() {
        api = new ApiClient(port);
        number = "1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        account = created(api.post("/accounts", """
                {"name": "Acme", "call_flow_sid": "secured"}"""), "account_sid");
        group = created(
                api.post("/did_groups", "{\"account_sid\": \"" + account + "\", \"name\": \"Sales\"}"),
                "did_group_sid");
        did = created(
                api.post(
                        "/dids",
                        "{\"account_sid\": \"" + account + "\", \"did_group_sid\": \"" + group
                                + "\", \"phonenumber\": \"" + number + "\"}"),
                "did_sid");
        room = created(
                api.post(
                        "/meeting_rooms",
                        "{\"account_sid\": \"" + account + "\", \"did_group_sid\": \"" + group
                                + "\", \"access_codes\": [{\"access_code\": \"4711\", \"role\": \"participant\"}]}"),
                "meeting_room_sid");
    }

    private static String created(Answer answer, String sidField) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.text(sidField);
    }

    /** A call arrives (the call path itself); its decision. */
    private JsonNode arrival(String dialed) {
        Answer answer = api.post("/calls", "{\"number_dst\": \"" + dialed + "\", \"number_src\": \"15550001111\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        JsonNode call = answer.body().get("call");
        if (call != null && !call.isNull() && !"ended".equals(call.get("state").asString())) {
            api.delete("/calls/" + call.get("call_sid").asString());
        }
        return answer.body().get("decision");
    }

    /** What entering {@code code} would decide, asked twice so that the second answer is a cached one. */
    private JsonNode codeEntry(String code) {
        api.post("/decisions", "{\"number_dst\": \"" + number + "\", \"access_code\": \"" + code + "\"}");
        Answer answer =
                api.post("/decisions", "{\"number_dst\": \"" + number + "\", \"access_code\": \"" + code + "\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    /** Arrives twice, so the caches hold this decision; asserts that they served it. */
    private JsonNode cachedArrival() {
        arrival(number);
        long hierarchyHits = hierarchyCache.hits();
        long decisionHits = engine.cacheHits();
        JsonNode decision = arrival(number);
        assertThat(hierarchyCache.hits())
                .as("the hierarchy came from the cache")
                .isGreaterThan(hierarchyHits);
        assertThat(engine.cacheHits()).as("the decision came from the cache").isGreaterThan(decisionHits);
        return decision;
    }

    private static String property(JsonNode decision, String key) {
        return decision.get("properties").get(key).asString();
    }

    private static String source(JsonNode decision, String key) {
        return decision.get("property_sources").get(key).get("level").asString();
    }

    @Test
    void aWriteAtEachLevelChangesTheVeryNextArrival() {
        assertThat(property(cachedArrival(), "conference_moh")).isEqualTo("default");

        api.patch("/accounts/" + account, """
                {"properties": {"conference_moh": "account-music"}}""");
        JsonNode afterAccount = arrival(number);
        assertThat(property(afterAccount, "conference_moh")).isEqualTo("account-music");
        assertThat(source(afterAccount, "conference_moh")).isEqualTo("account");

        cachedArrival();
        api.patch("/did_groups/" + group, """
                {"properties": {"conference_moh": "group-music"}}""");
        JsonNode afterGroup = arrival(number);
        assertThat(property(afterGroup, "conference_moh")).isEqualTo("group-music");
        assertThat(source(afterGroup, "conference_moh")).isEqualTo("did_group");

        cachedArrival();
        api.patch("/dids/" + did, """
                {"properties": {"conference_moh": "did-music"}}""");
        JsonNode afterDid = arrival(number);
        assertThat(property(afterDid, "conference_moh")).isEqualTo("did-music");
        assertThat(source(afterDid, "conference_moh")).isEqualTo("did");
    }

    @Test
    void aFlowNamedAtAnotherLevelChangesTheVeryNextArrival() {
        assertThat(cachedArrival().get("call_flow").get("name").asString()).isEqualTo("secured");

        api.patch("/did_groups/" + group, """
                {"call_flow_sid": "open"}""");
        assertThat(arrival(number).get("call_flow").get("name").asString()).isEqualTo("open");

        cachedArrival();
        api.patch("/dids/" + did, """
                {"call_flow_sid": "direct_host"}""");
        JsonNode direct = arrival(number);
        assertThat(direct.get("call_flow").get("name").asString()).isEqualTo("direct_host");
        assertThat(direct.get("action").asString()).isEqualTo("JOIN");
    }

    @Test
    void aRoomWriteChangesTheVeryNextCodeEntry() {
        JsonNode before = codeEntry("4711");
        assertThat(before.get("action").asString()).isEqualTo("JOIN");
        assertThat(before.get("meeting_room_sid").asString()).isEqualTo(room);

        api.patch("/meeting_rooms/" + room, """
                {"properties": {"conference_moh": "room-music"}}""");
        JsonNode afterProperty = codeEntry("4711");
        assertThat(property(afterProperty, "conference_moh")).isEqualTo("room-music");
        assertThat(source(afterProperty, "conference_moh")).isEqualTo("meeting_room");

        api.patch("/meeting_rooms/" + room, """
                {"access_codes": [{"access_code": "4712", "role": "host"}]}""");
        assertThat(api.post("/decisions", "{\"number_dst\": \"" + number + "\", \"access_code\": \"4711\"}")
                        .body()
                        .get("action")
                        .asString())
                .as("the old code is gone")
                .isEqualTo("REPROMPT_ACCESS_CODE");
        JsonNode newCode = codeEntry("4712");
        assertThat(newCode.get("action").asString()).isEqualTo("JOIN");
        assertThat(newCode.get("role").asString()).isEqualTo("host");

        Answer created = api.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + account
                        + "\", \"access_codes\": [{\"access_code\": \"5000\", \"role\": \"participant\"}]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(codeEntry("5000").get("meeting_room_sid").asString())
                .as("a new room's code")
                .isEqualTo(created.text("meeting_room_sid"));

        assertThat(api.delete("/meeting_rooms/" + created.text("meeting_room_sid"))
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/decisions", "{\"number_dst\": \"" + number + "\", \"access_code\": \"5000\"}")
                        .body()
                        .get("action")
                        .asString())
                .as("a deleted room's code")
                .isEqualTo("REPROMPT_ACCESS_CODE");
    }

    @Test
    void aNumberMovedOrDeletedChangesTheVeryNextArrival() {
        cachedArrival();
        String moved = "1666" + number.substring(4);
        assertThat(arrival(moved).get("reason").asString()).as("not yet a DID").isEqualTo("UNKNOWN_NUMBER");

        api.patch("/dids/" + did, "{\"phonenumber\": \"" + moved + "\"}");
        assertThat(arrival(number).get("reason").asString()).isEqualTo("UNKNOWN_NUMBER");
        assertThat(arrival(moved).get("action").asString()).isEqualTo("PROMPT_ACCESS_CODE");

        assertThat(api.delete("/dids/" + did).status()).isEqualTo(204);
        assertThat(arrival(moved).get("reason").asString()).isEqualTo("UNKNOWN_NUMBER");
    }

    @Test
    void aRuleSwapChangesTheVeryNextArrival() {
        JsonNode before = cachedArrival();
        assertThat(property(before, "did_language")).isEqualTo("en_US");
        String original = rules.read("call-flows/secured.yaml");
        try {
            rules.write(
                    "call-flows/secured.yaml", original.replace("properties: {}", "properties: {did_language: de_DE}"));
            assertThat(api.post("/rules/reload", null).status()).isEqualTo(200);

            JsonNode after = arrival(number);
            assertThat(property(after, "did_language")).isEqualTo("de_DE");
            assertThat(source(after, "did_language")).isEqualTo("call_flow");
            assertThat(after.get("rule_base_version").asString())
                    .isNotEqualTo(before.get("rule_base_version").asString());
        } finally {
            rules.write("call-flows/secured.yaml", original);
            api.post("/rules/reload", null);
        }
    }
}
