package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.ServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Whole call stories over real HTTP, one per flow, with timers driven by a test clock. */
@ServiceTest
class CallStoryTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    @LocalServerPort
    int port;

    @Autowired
    ScenarioClock clock;

    @Autowired
    CallControl control;

    private ApiClient api;
    private String account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = api.post("/accounts", """
                {"name": "Acme"}""").text("account_sid");
    }

    /** A new DID of the account with {@code flow} and DID-level properties (JSON object text). */
    private String number(String flow, String properties) {
        String number = "1555" + NUMBERS.incrementAndGet() + "000";
        Answer did = api.post(
                "/dids",
                "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + number + "\", \"call_flow_sid\": \""
                        + flow + "\", \"properties\": " + properties + "}");
        assertThat(did.status()).as(did.raw()).isEqualTo(201);
        return number;
    }

    private String room(String... codesAndRoles) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < codesAndRoles.length; i += 2) {
            codes.append(i == 0 ? "" : ",")
                    .append("{\"access_code\": \"")
                    .append(codesAndRoles[i])
                    .append("\", \"role\": \"")
                    .append(codesAndRoles[i + 1])
                    .append("\"}");
        }
        return api.post("/meeting_rooms", "{\"account_sid\": \"" + account + "\", \"access_codes\": [" + codes + "]}")
                .text("meeting_room_sid");
    }

    private Answer call(String number) {
        Answer answer = api.post("/calls", "{\"number_dst\": \"" + number + "\", \"number_src\": \"15559990000\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer;
    }

    private Answer code(Answer call, String code) {
        return api.post("/calls/" + sid(call) + "/access_code", "{\"access_code\": \"" + code + "\"}");
    }

    private static String sid(Answer answer) {
        return answer.body().get("call").get("call_sid").asString();
    }

    private static String action(Answer answer) {
        return answer.body().get("decision").get("action").asString();
    }

    private static String meetingSid(Answer answer) {
        return answer.body().get("call").get("meeting_sid").asString();
    }

    @Test
    void securedWrongCodeThenRightCode() {
        String number = number("secured", "{}");
        String room = room("2468", "participant");

        Answer arrived = call(number);
        Answer wrong = code(arrived, "1111");
        Answer right = code(arrived, "2468");

        assertThat(action(arrived)).isEqualTo("PROMPT_ACCESS_CODE");
        assertThat(arrived.body().get("decision").get("call_flow").get("source").asString())
                .isEqualTo("did");
        assertThat(arrived.body()
                        .get("decision")
                        .get("media")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("play");
        assertThat(action(wrong)).isEqualTo("REPROMPT_ACCESS_CODE");
        assertThat(wrong.body().get("decision").get("attempts_left").asInt()).isEqualTo(2);
        assertThat(action(right)).isEqualTo("JOIN");
        assertThat(right.body().get("call").get("state").asString()).isEqualTo("joined");
        assertThat(right.body().get("call").get("role").asString()).isEqualTo("participant");
        assertThat(right.body().get("call").get("meeting_room_sid").asString()).isEqualTo(room);
        Answer meeting = api.get("/meetings/" + meetingSid(right));
        assertThat(meeting.status()).isEqualTo(200);
        assertThat(meeting.body().get("attendees").get("participants").asInt()).isEqualTo(1);
    }

    @Test
    void securedDisconnectsAfterTheLastWrongCodeWithoutAMeeting() {
        String number = number("secured", """
                {"accesscode_max_attempts": "2"}""");
        Answer arrived = call(number);

        code(arrived, "");
        Answer last = code(arrived, "9");

        assertThat(action(last)).isEqualTo("DISCONNECT");
        assertThat(last.body().get("decision").get("reason").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(last.body().get("call").get("state").asString()).isEqualTo("ended");
        assertThat(last.body().get("call").get("attempts_used").asInt()).isEqualTo(2);
        assertThat(code(arrived, "1").status())
                .as("an ended call takes no more codes")
                .isEqualTo(409);
    }

    @Test
    void openCreatesARoomOnTheFlyForANewCodeAndTheNextCallerJoinsIt() {
        String number = number("open", "{}");

        Answer first = code(call(number), "555123");
        Answer second = code(call(number), "555123");

        assertThat(action(first)).isEqualTo("JOIN");
        assertThat(first.body()
                        .get("decision")
                        .get("create_room")
                        .get("access_code")
                        .asString())
                .isEqualTo("555123");
        String room = first.body().get("call").get("meeting_room_sid").asString();
        Answer created = api.get("/meeting_rooms/" + room);
        assertThat(created.body().get("ad_hoc").asBoolean()).isTrue();
        assertThat(created.body().get("access_codes").get(0).get("role").asString())
                .isEqualTo("participant");
        assertThat(second.body().get("decision").get("create_room").isNull()).isTrue();
        assertThat(second.body().get("call").get("meeting_room_sid").asString()).isEqualTo(room);
        assertThat(meetingSid(second)).isEqualTo(meetingSid(first));
    }

    @Test
    void fiftyCallersEnteringOneNewCodeAtOnceLandInOneRoomAndOneMeeting() throws Exception {
        String number = number("open", "{}");
        List<Answer> arrived = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            arrived.add(call(number));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> entered = new ArrayList<>();
        try {
            for (Answer call : arrived) {
                entered.add(pool.submit(() -> {
                    start.await();
                    return code(call, "777000");
                }));
            }
            start.countDown();
            Set<String> rooms = new HashSet<>();
            Set<String> meetings = new HashSet<>();
            for (Future<Answer> future : entered) {
                Answer answer = future.get();
                assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
                assertThat(action(answer)).isEqualTo("JOIN");
                rooms.add(answer.body().get("call").get("meeting_room_sid").asString());
                meetings.add(meetingSid(answer));
            }
            assertThat(rooms).hasSize(1);
            assertThat(meetings).hasSize(1);
            Answer meeting = api.get("/meetings/" + meetings.iterator().next());
            assertThat(meeting.body().get("attendees").get("participants").asInt())
                    .isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void directFlowsJoinAtOnceInTheNumbersRoom() {
        String hosts = number(CallFlow.sidFor("direct_host"), "{}");
        String participants = number("direct_participant", "{}");

        Answer host = call(hosts);
        Answer host2 = call(hosts);
        Answer participant = call(participants);

        assertThat(action(host)).isEqualTo("JOIN");
        assertThat(host.body().get("call").get("role").asString()).isEqualTo("host");
        assertThat(meetingSid(host2)).isEqualTo(meetingSid(host));
        assertThat(participant.body().get("call").get("role").asString()).isEqualTo("participant");
        assertThat(meetingSid(participant)).isNotEqualTo(meetingSid(host));
    }

    @Test
    void participantsWaitForAHostWhoStartsTheMeetingAndAdmitsThem() {
        String number = number("secured", """
                {"conference_start_how": "host"}""");
        room("11", "host", "22", "participant");

        Answer waiting = code(call(number), "22");
        assertThat(action(waiting)).isEqualTo("WAIT");
        assertThat(waiting.body().get("call").get("state").asString()).isEqualTo("waiting");
        assertThat(waiting.body().get("decision").get("wait_seconds").asInt()).isEqualTo(360);

        Answer host = code(call(number), "11");
        assertThat(action(host)).isEqualTo("JOIN");
        assertThat(host.body().get("decision").get("start_meeting").asBoolean()).isTrue();

        Answer admitted = api.get("/calls/" + sid(waiting));
        assertThat(admitted.text("state")).isEqualTo("joined");
        assertThat(admitted.text("meeting_sid")).isEqualTo(meetingSid(host));
    }

    @Test
    void aLockedMeetingRefusesParticipants() {
        String number = number("secured", "{}");
        room("31", "host", "32", "participant");
        Answer host = code(call(number), "31");

        Answer lock = api.post("/calls/" + sid(host) + "/dtmf", """
                {"digits": "*7"}""");
        Answer refused = code(call(number), "32");

        assertThat(action(lock)).isEqualTo("IN_CALL_ACTION");
        assertThat(api.get("/meetings/" + meetingSid(host)).body().get("locked").asBoolean())
                .isTrue();
        assertThat(action(refused)).isEqualTo("DISCONNECT");
        assertThat(refused.body().get("decision").get("reason").asString()).isEqualTo("MEETING_LOCKED");
        assertThat(action(code(call(number), "31"))).as("hosts still get in").isEqualTo("JOIN");
    }

    @Test
    void aWaitingCallerIsDisconnectedWhenTheStartWaitRunsOut() {
        String number = number("secured", """
                {"conference_start_how": "host", "conference_start_wait": "60"}""");
        room("41", "participant");
        Answer waiting = code(call(number), "41");

        clock.advance(Duration.ofSeconds(59));
        control.fireDueTimers();
        assertThat(api.get("/calls/" + sid(waiting)).text("state")).isEqualTo("waiting");

        clock.advance(Duration.ofSeconds(2));
        control.fireDueTimers();
        Answer ended = api.get("/calls/" + sid(waiting));
        assertThat(ended.text("state")).isEqualTo("ended");
        assertThat(ended.text("end_reason")).isEqualTo("START_TIMEOUT");
    }

    @Test
    void theMeetingEndsWhenTheStopGraceTimeRunsOutUnlessSomebodyCameBack() {
        String number = number("secured", """
                {"conference_stop_wait": "30"}""");
        room("51", "participant");
        Answer first = code(call(number), "51");
        String meeting = meetingSid(first);

        Answer left = api.delete("/calls/" + sid(first));
        assertThat(action(left)).isEqualTo("LEFT");
        assertThat(left.body().get("decision").get("stop_after_seconds").asInt())
                .isEqualTo(30);

        Answer back = code(call(number), "51");
        clock.advance(Duration.ofSeconds(31));
        control.fireDueTimers();
        assertThat(api.get("/meetings/" + meeting).status())
                .as("somebody came back")
                .isEqualTo(200);
        assertThat(meetingSid(back)).isEqualTo(meeting);

        api.delete("/calls/" + sid(back));
        clock.advance(Duration.ofSeconds(29));
        control.fireDueTimers();
        assertThat(api.get("/meetings/" + meeting).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        control.fireDueTimers();
        assertThat(api.get("/meetings/" + meeting).status()).isEqualTo(404);
    }

    @Test
    void theMeetingEndingEndsTheCallsStillInIt() {
        String number = number("secured", """
                {"conference_stop_how": "host", "conference_stop_wait": "0"}""");
        room("61", "host", "62", "participant");
        Answer host = code(call(number), "61");
        Answer participant = code(call(number), "62");

        api.delete("/calls/" + sid(host));
        control.fireDueTimers();

        Answer ended = api.get("/calls/" + sid(participant));
        assertThat(ended.text("state")).isEqualTo("ended");
        assertThat(ended.text("end_reason")).isEqualTo("MEETING_ENDED");
    }

    @Test
    void unknownNumbersAreDroppedAndNoMeetingIsCreated() {
        int meetings = api.get("/meetings").body().get("total").asInt();

        Answer dropped = call("19990000000");

        assertThat(action(dropped)).isEqualTo("DROP");
        assertThat(dropped.body().get("decision").get("reason").asString()).isEqualTo("UNKNOWN_NUMBER");
        assertThat(dropped.body().get("call").get("state").asString()).isEqualTo("ended");
        assertThat(api.get("/meetings").body().get("total").asInt()).isEqualTo(meetings);
    }

    @Test
    void whatIfDecidesWithoutChangingAnything() {
        String number = number("open", "{}");
        int calls = api.get("/calls").body().get("total").asInt();
        int rooms = api.get("/meeting_rooms").body().get("total").asInt();

        Answer decision = api.post("/decisions", "{\"number_dst\": \"" + number + "\", \"access_code\": \"909090\"}");

        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.text("action")).isEqualTo("JOIN");
        assertThat(decision.body().get("create_room").get("access_code").asString())
                .isEqualTo("909090");
        assertThat(decision.body().get("rules_fired").size()).isGreaterThan(3);
        assertThat(api.get("/calls").body().get("total").asInt()).isEqualTo(calls);
        assertThat(api.get("/meeting_rooms").body().get("total").asInt()).isEqualTo(rooms);
    }

    @Test
    void eventsThatDoNotFitTheCallAreRefused() {
        String number = number("secured", "{}");
        Answer prompting = call(number);

        assertThat(api.post("/calls/nope/access_code", """
                {"access_code": "1"}""").status()).isEqualTo(404);
        assertThat(api.post("/calls/" + sid(prompting) + "/dtmf", """
                {"digits": "*6"}""").status()).isEqualTo(409);
        // letters are keypad entries the rules refuse (issue 10); a character no keypad sends is a bad request
        assertThat(api.post("/calls/" + sid(prompting) + "/access_code", """
                {"access_code": "12 4"}""").status())
                .isEqualTo(422);
        assertThat(api.post("/calls", """
                {"number_dst": "+1 555"}""").status()).isEqualTo(422);
        assertThat(api.patch("/calls/" + sid(prompting), """
                {"muted": "yes"}""").status()).isEqualTo(422);
        assertThat(api.patch("/calls/" + sid(prompting), """
                {"muted": true}""")
                        .body()
                        .get("muted")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void liveCallsAndMeetingsAreListedAndAMeetingCanBeChangedByPatch() {
        String number = number("secured", "{}");
        room("71", "host", "72", "participant");
        Answer host = code(call(number), "71");
        Answer participant = code(call(number), "72");
        String meeting = meetingSid(host);

        Answer patched = api.patch("/meetings/" + meeting, """
                        {"locked": true, "on_hold": "pl", "participant_muted": "relaxed"}""");
        Answer refused = api.patch("/meetings/" + meeting, """
                {"participant_muted": "loud"}""");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("locked").asBoolean()).isTrue();
        assertThat(patched.text("on_hold")).isEqualTo("pl");
        assertThat(patched.text("participant_muted")).isEqualTo("relaxed");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get("/meetings/" + meeting).text("participant_muted")).isEqualTo("relaxed");
        assertThat(api.get("/calls").body().get("items").findValuesAsString("call_sid"))
                .contains(sid(host), sid(participant));
        assertThat(api.get("/meetings").body().get("items").findValuesAsString("meeting_sid"))
                .contains(meeting);
        assertThat(api.patch("/meetings/nope", """
                {"locked": true}""").status()).isEqualTo(404);
    }

    @Test
    void everyDecisionOfACallIsAuditedAndKeptAfterItEnds() {
        String number = number("secured", "{}");
        room("81", "participant");
        Answer arrived = call(number);
        code(arrived, "0");
        code(arrived, "81");
        api.delete("/calls/" + sid(arrived));

        Answer audit = api.get("/calls/" + sid(arrived) + "/decisions");

        assertThat(audit.status()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        audit.body().forEach(entry -> {
            events.add(entry.get("event").asString());
            actions.add(entry.get("action").asString());
        });
        assertThat(events).containsExactly("arrive", "access_code", "access_code", "hang_up");
        assertThat(actions).containsExactly("PROMPT_ACCESS_CODE", "REPROMPT_ACCESS_CODE", "JOIN", "LEFT");
        JsonNode join = audit.body().get(2);
        assertThat(join.get("rule_base_version").asString()).matches("[0-9a-f]{12}");
        assertThat(join.get("rules_fired").size()).isGreaterThan(3);
        assertThat(join.get("decision").get("role").asString()).isEqualTo("participant");
        assertThat(join.get("call_flow").asString()).isEqualTo("secured");
        assertThat(api.get("/calls/nope/decisions").status()).isEqualTo(404);
    }
}
