package com.callflowrules.releases;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule releases over real HTTP with four-eyes on, on a copy of the shipped rules and a database
 * of their own: every step and refusal, roles, rollback, and decisions naming their release.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:releases-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.rules.four-eyes=true",
            "callflow.rules.scenario-gate=true",
            "callflow.rules.watch=false",
            "callflow.timers.enabled=false"
        })
class ReleasesApiTest {

    /** A variant of the secured flow: rule authors add one without Java changes. */
    static final String FIVE_TRIES = """
            name: secured_five
            description: Secured, with five attempts at the access code.
            entry: prompt
            unknown_code: refuse
            properties:
              accesscode_max_attempts: "5"
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        registry.add("callflow.rules.directory", () -> rules.root().toString());
    }

    @LocalServerPort
    int port;

    private ApiClient dev;
    private ApiClient analyst;
    private ApiClient approver;

    @BeforeEach
    void clients() {
        dev = new ApiClient(port);
        analyst = ApiClient.as(port, "analyst", "analyst-password");
        approver = ApiClient.as(port, "approver", "approver-password");
    }

    private String published() {
        return dev.get("/rules").text("published");
    }

    private static String draft(String base, String message, String filesJson) {
        return "{\"base\": " + (base == null ? "null" : "\"" + base + "\"") + ", \"message\": "
                + JSON.writeValueAsString(message) + ", \"files\": " + filesJson + "}";
    }

    private static String files(String path, String content) {
        return "{" + JSON.writeValueAsString(path) + ": "
                + (content == null ? "null" : JSON.writeValueAsString(content)) + "}";
    }

    /** A draft of {@code base} whose secured flow has another description: decisions stay the same. */
    private Answer securedDescribedAs(String base, String description) {
        String secured = dev.get("/rule_releases/" + base + "/files/call-flows/secured.yaml")
                .text("text");
        return analyst.post(
                "/rule_releases",
                draft(
                        base,
                        "a clearer description",
                        files(
                                "call-flows/secured.yaml",
                                secured.replaceFirst("(?m)^description: .*$", "description: " + description))));
    }

    private List<String> steps(String version) {
        JsonNode history = dev.get("/rule_releases/" + version + "/history").body();
        return history.valueStream()
                .map(step -> (step.get("from").isNull() ? "-" : step.get("from").asString()) + ">"
                        + step.get("to").asString() + " by " + step.get("actor").asString())
                .toList();
    }

    @Test
    void theRulesDirectoryIsTheFirstPublishedReleaseAndDecisionsNameIt() {
        String first = published();
        JsonNode release = dev.get("/rule_releases/" + first).body();

        assertThat(first).matches("[0-9a-f]{12}");
        assertThat(dev.get("/rules").text("version")).isEqualTo(first);
        assertThat(release.get("author").asString()).isEqualTo(Releases.SERVICE);
        assertThat(release.get("files").has("call-flows/secured.yaml")).isTrue();
        assertThat(release.get("files").has("scenarios/routing/unknown-number-is-dropped.yaml"))
                .as("a release holds its scenarios")
                .isTrue();
        assertThat(release.get("scenarios").get("passed").asInt()).isGreaterThan(50);
        assertThat(dev.get("/rules").body().get("nodes").get(0).get("version").asString())
                .isEqualTo(first);
    }

    @Test
    void anAnalystDraftsAnApproverApprovesAndPublishesAndTheNextCallIsDecidedByIt() {
        String base = published();
        Answer made = analyst.post(
                "/rule_releases",
                draft(base, "a flow with five tries", files("call-flows/secured_five.yaml", FIVE_TRIES)));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String version = made.text("version");
        assertThat(made.text("state")).isEqualTo("checked");
        assertThat(made.text("author")).isEqualTo("analyst");
        assertThat(made.text("base")).isEqualTo(base);
        assertThat(made.body().get("scenarios").get("failed").asInt()).isZero();

        assertThat(analyst.post("/rule_releases/" + version + "/approve", "{}").status())
                .as("an analyst may not approve")
                .isEqualTo(403);
        assertThat(approver.post("/rule_releases", draft(base, "x", files("call-flows/x.yaml", FIVE_TRIES)))
                        .status())
                .as("an approver may not draft")
                .isEqualTo(403);
        Answer approved = approver.post("/rule_releases/" + version + "/approve", "{}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(analyst.post("/rule_releases/" + version + "/publish", "{}").status())
                .isEqualTo(403);
        Answer publish = approver.post("/rule_releases/" + version + "/publish", "{}");
        assertThat(publish.status()).as(publish.raw()).isEqualTo(200);
        assertThat(publish.text("state")).isEqualTo("published");

        assertThat(dev.get("/rules").text("version")).isEqualTo(version);
        assertThat(dev.get("/rule_releases/" + base).text("state")).isEqualTo("retired");
        assertThat(steps(version))
                .containsExactly(
                        "->draft by analyst",
                        "draft>checked by " + Releases.SERVICE,
                        "checked>approved by approver",
                        "approved>published by approver");
        assertThat(steps(base)).last().isEqualTo("published>retired by approver");

        // the next call is decided by it, and its audit names the release
        String account = dev.post("/accounts", """
                        {"name": "Five", "call_flow_sid": "secured_five"}""").text("account_sid");
        String number = "+1555%07d".formatted(System.nanoTime() % 10_000_000);
        dev.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + number + "\"}");
        Answer call = dev.post("/calls", "{\"number_dst\": \"" + number + "\"}");
        assertThat(call.status()).as(call.raw()).isEqualTo(201);
        assertThat(call.body().get("decision").get("attempts_left").asInt()).isEqualTo(5);
        String sid = call.body().get("call").get("call_sid").asString();
        assertThat(dev.get("/calls/" + sid + "/decisions")
                        .body()
                        .get(0)
                        .get("rule_base_version")
                        .asString())
                .isEqualTo(version);
    }

    @Test
    void fourEyesKeepsAnAuthorFromApprovingOrPublishingTheirOwnRelease() {
        Answer made = dev.post(
                "/rule_releases",
                draft(
                        published(),
                        "four eyes",
                        files("call-flows/secured_four.yaml", FIVE_TRIES.replace("five", "four"))));
        String version = made.text("version");

        Answer selfApproved = dev.post("/rule_releases/" + version + "/approve", "{}");

        assertThat(selfApproved.status()).isEqualTo(403);
        assertThat(selfApproved.text("message")).contains("four-eyes").contains("made by dev");
        assertThat(dev.get("/rule_releases/" + version).text("state")).isEqualTo("checked");
        assertThat(approver.post("/rule_releases/" + version + "/approve", "{}").status())
                .isEqualTo(200);
        Answer selfPublished = dev.post("/rule_releases/" + version + "/publish", "{}");
        assertThat(selfPublished.status()).isEqualTo(403);
        assertThat(dev.get("/rule_releases/" + version).text("state")).isEqualTo("approved");
        assertThat(dev.post("/rules/reload", null).status())
                .as("a reload is a release too: with four-eyes on it stops at checked")
                .isEqualTo(403);
    }

    @Test
    void aWhatIfIsDecidedByTheReleaseItNamesAndChangesNothing() {
        String base = published();
        Answer made = securedDescribedAs(base, "Asks for the code.");
        assertThat(made.text("state")).as(made.raw()).isEqualTo("checked");
        String draft = made.text("version");
        String account = dev.post("/accounts", """
                        {"name": "What-if", "call_flow_sid": "secured"}""").text("account_sid");
        assertThat(dev.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"+15550004444\"}")
                        .status())
                .isEqualTo(201);

        Answer running = analyst.post("/decisions", "{\"number_dst\": \"+15550004444\"}");
        Answer withDraft =
                analyst.post("/decisions", "{\"number_dst\": \"+15550004444\", \"rule_release\": \"" + draft + "\"}");

        assertThat(running.text("rule_base_version")).isEqualTo(base);
        assertThat(withDraft.status()).as(withDraft.raw()).isEqualTo(200);
        assertThat(withDraft.text("rule_base_version")).isEqualTo(draft);
        assertThat(withDraft.text("action")).isEqualTo(running.text("action")).isEqualTo("PROMPT_ACCESS_CODE");
        assertThat(withDraft.body().get("properties")).isEqualTo(running.body().get("properties"));
        assertThat(published()).as("nothing published").isEqualTo(base);
        assertThat(dev.get("/rules").text("version")).isEqualTo(base);

        Answer refused = analyst.post(
                "/rule_releases", draft(base, "broken", files("extra.drl", "package callflow;\nrule \"x\" when\n")));
        assertThat(analyst.post(
                                "/decisions",
                                "{\"number_dst\": \"+15550004444\", \"rule_release\": \"" + refused.text("version")
                                        + "\"}")
                        .text("message"))
                .contains("was refused by its checks");
        assertThat(analyst.post("/decisions", "{\"number_dst\": \"+15550004444\", \"rule_release\": \"0123456789ab\"}")
                        .status())
                .isEqualTo(404);
        Answer malformed =
                analyst.post("/decisions", "{\"number_dst\": \"+15550004444\", \"rule_release\": \"latest\"}");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.raw()).contains("rule_release");
    }

    @Test
    void aWhatIfForALiveCallTriesKeysOrAHangUpAsTheCallStandsAndChangesNothing() {
        String base = published();
        String draft = securedDescribedAs(base, "Code first.").text("version");
        String account = dev.post("/accounts", """
                        {"name": "In-call what-if", "call_flow_sid": "secured"}""").text("account_sid");
        dev.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"+15550004545\"}");
        dev.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + account
                        + "\", \"access_codes\": [{\"access_code\": \"4545\", \"role\": \"host\"}]}");
        String host = dev.post("/calls", "{\"number_dst\": \"+15550004545\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        Answer joined = dev.post("/calls/" + host + "/access_code", "{\"access_code\": \"4545\"}");
        assertThat(joined.body().get("call").get("state").asString())
                .as(joined.raw())
                .isEqualTo("joined");
        String callBefore = dev.get("/calls/" + host).raw();
        int decisionsBefore = dev.get("/calls/" + host + "/decisions").body().size();

        Answer lock = analyst.post("/calls/" + host + "/what_if", "{\"event\": \"key_press\", \"digits\": \"*7\"}");
        Answer lockByDraft = analyst.post(
                "/calls/" + host + "/what_if",
                "{\"event\": \"key_press\", \"digits\": \"*7\", \"rule_release\": \"" + draft + "\"}");
        Answer leave = analyst.post("/calls/" + host + "/what_if", "{\"event\": \"hang_up\"}");

        assertThat(lock.status()).as(lock.raw()).isEqualTo(200);
        assertThat(lock.text("action")).isEqualTo("IN_CALL_ACTION");
        assertThat(lock.text("in_call_action")).isEqualTo("conference_lock");
        assertThat(lock.text("rule_base_version")).isEqualTo(base);
        assertThat(lockByDraft.text("in_call_action")).isEqualTo("conference_lock");
        assertThat(lockByDraft.text("rule_base_version")).isEqualTo(draft);
        assertThat(leave.status()).as(leave.raw()).isEqualTo(200);
        assertThat(leave.text("action")).isEqualTo("LEFT");
        assertThat(dev.get("/calls/" + host).raw()).as("the call is unchanged").isEqualTo(callBefore);
        assertThat(dev.get("/calls/" + host + "/decisions").body().size())
                .as("nothing audited")
                .isEqualTo(decisionsBefore);
        String meeting = joined.body().get("call").get("meeting_sid").asString();
        assertThat(dev.get("/meetings/" + meeting).body().get("locked").asBoolean())
                .as("the meeting is not locked")
                .isFalse();

        Answer noDigits = analyst.post("/calls/" + host + "/what_if", "{\"event\": \"key_press\"}");
        Answer badEvent = analyst.post("/calls/" + host + "/what_if", "{\"event\": \"wave\"}");
        Answer unknown = analyst.post("/calls/CA0000/what_if", "{\"event\": \"hang_up\"}");
        String prompting = dev.post("/calls", "{\"number_dst\": \"+15550004545\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        Answer notInMeeting =
                analyst.post("/calls/" + prompting + "/what_if", "{\"event\": \"key_press\", \"digits\": \"*7\"}");
        assertThat(noDigits.status()).isEqualTo(422);
        assertThat(noDigits.raw()).contains("digits").contains("required for a key_press");
        assertThat(badEvent.status()).isEqualTo(422);
        assertThat(badEvent.raw()).contains("must be one of key_press, hang_up");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notInMeeting.status()).isEqualTo(409);
        assertThat(notInMeeting.raw()).contains("not in a meeting");
    }

    @Test
    void callsAreFoundByTheirNumberLiveOrEndedNewestFirstInAnyWayTheNumberIsWritten() {
        String account = dev.post("/accounts", """
                        {"name": "Found by number", "call_flow_sid": "secured"}""").text("account_sid");
        dev.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"+15550004646\"}");
        String first = dev.post("/calls", "{\"number_dst\": \"+15550004646\", \"number_src\": \"+15559994646\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        dev.delete("/calls/" + first);
        String second = dev.post("/calls", "{\"number_dst\": \"15550004646\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();

        Answer byDialed = analyst.get("/calls/search?number=%2B1%20555-000-4646");
        Answer byCaller = analyst.get("/calls/search?number=15559994646");
        Answer none = analyst.get("/calls/search?number=%2B15550009898");

        assertThat(byDialed.status()).as(byDialed.raw()).isEqualTo(200);
        assertThat(byDialed.body().valueStream().map(c -> c.get("call_sid").asString()))
                .containsExactly(second, first);
        assertThat(byDialed.body().get(1).get("state").asString()).isEqualTo("ended");
        assertThat(byCaller.body().valueStream().map(c -> c.get("call_sid").asString()))
                .containsExactly(first);
        assertThat(none.body().size()).isZero();
        assertThat(analyst.get("/calls/search?number=%20").status()).isEqualTo(400);
        assertThat(analyst.get("/calls/search?number=1555&limit=0").raw()).contains("limit");
    }

    @Test
    void aReleasesScenariosRunBesideThePublishedOneWithEveryStepThatChanges() {
        String base = published();
        String flow = dev.get("/rule_releases/" + base + "/files/call-flows/open_first_host.yaml")
                .text("text");
        Answer made = analyst.post(
                "/rule_releases",
                draft(
                        base,
                        "no entry tones for the first host's callers",
                        files(
                                "call-flows/open_first_host.yaml",
                                flow.replace(
                                        "properties: {}", "properties:\n  conference_entrytones_enabled: \"off\""))));
        assertThat(made.text("state")).as(made.raw()).isEqualTo("checked");
        String version = made.text("version");

        Answer run = analyst.get("/rule_releases/" + version + "/scenarios?against=" + base);

        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        JsonNode scenarios = run.body().get("scenarios");
        assertThat(run.body().get("passed").asInt())
                .isEqualTo(made.body().get("scenarios").get("passed").asInt());
        assertThat(run.body().get("failed").asInt()).isZero();
        assertThat(scenarios.size()).isEqualTo(run.body().get("passed").asInt());
        List<JsonNode> changed =
                scenarios.valueStream().filter(s -> !s.get("changes").isEmpty()).toList();
        // the flow's callers no longer hear the entry tone, and nothing else changes
        assertThat(changed).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("file").asString()).contains("open-first-host");
            assertThat(s.get("changes")
                            .valueStream()
                            .map(change -> change.get("field").asString()))
                    .containsOnly("properties.conference_entrytones_enabled", "media", "media_details");
            assertThat(s.get("changes").valueStream())
                    .filteredOn(change -> change.get("field").asString().startsWith("properties."))
                    .isNotEmpty()
                    .allSatisfy(change -> {
                        assertThat(change.get("value").asString()).isEqualTo("off");
                        assertThat(change.get("against_value").asString()).isEqualTo("on");
                    });
            assertThat(s.get("changes").valueStream())
                    .filteredOn(change -> change.get("field").asString().equals("media"))
                    .allSatisfy(change -> assertThat(change.get("against_value").asString())
                            .isEqualTo(change.get("value").asString().replace("]", ", entry_tone]")));
        });

        Answer itself = analyst.get("/rule_releases/" + base + "/scenarios?against=" + base);
        assertThat(itself.body().get("scenarios").valueStream())
                .allSatisfy(s -> assertThat(s.get("changes")).isEmpty());
        assertThat(analyst.get("/rule_releases/" + base + "/scenarios?against=0123456789ab")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRefusedDraftKeepsItsMessagesCannotGoFurtherAndIsAmendedIntoANewDraft() {
        String base = published();
        Answer refused = analyst.post(
                "/rule_releases",
                draft(
                        base,
                        "broken",
                        files("extra.drl", "package callflow;\nrule \"half\" when then nothing(; end\n")));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(201);
        String version = refused.text("state").equals("refused") ? refused.text("version") : null;
        assertThat(version).as(refused.raw()).isNotNull();
        assertThat(refused.body().get("messages").get(0).asString()).startsWith("extra.drl:");

        assertThat(approver.post("/rule_releases/" + version + "/approve", "{}").status())
                .isEqualTo(409);
        Answer publish = approver.post("/rule_releases/" + version + "/publish", "{}");
        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.text("message")).contains("refused");
        assertThat(published()).isEqualTo(base);

        Answer amended = analyst.post("/rule_releases", draft(version, "fixed", files("extra.drl", null)));
        assertThat(amended.status()).as(amended.raw()).isIn(200, 201);
        assertThat(amended.text("version")).isEqualTo(base).as("deleting the broken file gives the base back");
        assertThat(amended.status()).isEqualTo(200);
    }

    @Test
    void aDraftThatChangesPinnedBehaviourIsRefusedByItsScenarios() {
        String secured = dev.get("/rule_releases/" + published() + "/files/call-flows/secured.yaml")
                .text("text");
        Answer refused = analyst.post(
                "/rule_releases",
                draft(
                        published(),
                        "one try only",
                        files(
                                "call-flows/secured.yaml",
                                secured.replace("properties: {}", "properties:\n  accesscode_max_attempts: \"1\""))));

        assertThat(refused.text("state")).as(refused.raw()).isEqualTo("refused");
        assertThat(refused.body().get("scenarios").get("failed").asInt()).isPositive();
        assertThat(refused.body().get("scenarios").get("failures").get(0).asString())
                .startsWith("scenarios/");
    }

    @Test
    void badDraftsAreRefusedNamingTheProblemAndStoreNothing() {
        long before = dev.get("/rule_releases").body().get("total").asLong();

        Answer outside = analyst.post("/rule_releases", draft(published(), "escape", files("../etc/passwd", "x")));
        Answer notRules = analyst.post("/rule_releases", draft(published(), "readme", files("README.md", "x")));
        Answer unknownBase = analyst.post("/rule_releases", draft("0123456789ab", "x", "{}"));
        Answer missingFile = analyst.post("/rule_releases", draft(published(), "x", files("nothing.drl", null)));
        Answer noMessage = analyst.post("/rule_releases", "{\"base\": null, \"files\": {}}");
        Answer malformed = analyst.post("/rule_releases", "{\"base\": ");

        assertThat(outside.text("state")).isEqualTo("refused");
        assertThat(outside.body().get("messages").get(0).asString()).contains("../etc/passwd");
        assertThat(notRules.body().get("messages").get(0).asString())
                .startsWith("README.md: not a file of a rule base");
        assertThat(unknownBase.status()).isEqualTo(404);
        assertThat(missingFile.status()).isEqualTo(409);
        assertThat(missingFile.text("message")).contains("nothing.drl");
        assertThat(noMessage.status()).isEqualTo(422);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(dev.get("/rule_releases").body().get("total").asLong())
                .as("only the two refused drafts were kept, with their messages")
                .isEqualTo(before + 2);
        assertThat(dev.get("/rule_releases/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void twoPublishesRacingForTheSameReleaseToReplace_oneWinsAndNothingIsHalfApplied() throws Exception {
        String base = published();
        String x = approvedRelease("racer_x");
        String y = approvedRelease("racer_y");
        String body = "{\"replaces\": \"" + base + "\"}";
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Answer> publishX = CompletableFuture.supplyAsync(() -> {
            await(start);
            return approver.post("/rule_releases/" + x + "/publish", body);
        });
        CompletableFuture<Answer> publishY = CompletableFuture.supplyAsync(() -> {
            await(start);
            return approver.post("/rule_releases/" + y + "/publish", body);
        });
        start.countDown();

        List<Integer> statuses = Stream.of(publishX.get(), publishY.get())
                .map(Answer::status)
                .sorted()
                .toList();

        assertThat(statuses).containsExactly(200, 409);
        String winner = publishX.get().status() == 200 ? x : y;
        String loser = winner.equals(x) ? y : x;
        assertThat(published()).isEqualTo(winner);
        assertThat(dev.get("/rule_releases/" + winner).text("state")).isEqualTo("published");
        assertThat(dev.get("/rule_releases/" + loser).text("state")).isEqualTo("approved");
        assertThat(dev.get("/rule_releases/" + base).text("state")).isEqualTo("retired");
        assertThat(steps(loser)).last().isEqualTo("checked>approved by approver");
    }

    @Test
    void rollbackPublishesTheReleaseBeforeAndAgainGoesFurtherBack() {
        String first = published();
        String second = approvedRelease("roll_a");
        approver.post("/rule_releases/" + second + "/publish", "{}");
        String third = approvedRelease("roll_b");
        approver.post("/rule_releases/" + third + "/publish", "{}");
        assertThat(published()).isEqualTo(third);

        assertThat(analyst.post("/rules/rollback", null).status()).isEqualTo(403);
        Answer back = approver.post("/rules/rollback", null);
        assertThat(back.status()).as(back.raw()).isEqualTo(200);
        assertThat(back.text("version")).isEqualTo(second);
        approver.post("/rules/rollback", null);

        assertThat(published()).isEqualTo(first);
        assertThat(dev.get("/rules").text("version")).isEqualTo(first);
        assertThat(dev.get("/rule_releases/" + third).text("state")).isEqualTo("retired");
    }

    @Test
    void filesAndDiffsOfReleasesAreRead() {
        String base = published();
        String version = approvedRelease("diffed");

        Answer file = dev.get("/rule_releases/" + version + "/files/call-flows/diffed.yaml");
        Answer diff = dev.get("/rule_releases/" + version + "/diff?against=" + base);
        Answer noFile = dev.get("/rule_releases/" + version + "/files/call-flows/none.yaml");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text("text")).contains("name: diffed");
        assertThat(file.text("path")).isEqualTo("call-flows/diffed.yaml");
        assertThat(diff.body().get("files").properties())
                .extracting(e -> e.getKey() + "=" + e.getValue().asString())
                .containsExactly("call-flows/diffed.yaml=added");
        assertThat(diff.body().get("scenarios").get("version").get("failed").asInt())
                .isZero();
        assertThat(noFile.status()).isEqualTo(404);
        JsonNode page = dev.get("/rule_releases?limit=1").body();
        assertThat(page.get("items").get(0).get("version").asString())
                .as("newest first")
                .isEqualTo(version);
        assertThat(page.get("items").get(0).get("files").isNull()).isTrue();
    }

    private String approvedRelease(String flow) {
        Answer made = analyst.post(
                "/rule_releases",
                draft(
                        published(),
                        flow,
                        files("call-flows/" + flow + ".yaml", FIVE_TRIES.replace("secured_five", flow))));
        assertThat(made.text("state")).as(made.raw()).isEqualTo("checked");
        assertThat(approver.post("/rule_releases/" + made.text("version") + "/approve", "{}")
                        .status())
                .isEqualTo(200);
        return made.text("version");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
