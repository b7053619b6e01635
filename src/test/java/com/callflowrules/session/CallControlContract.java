package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.hierarchy.AccountRepository;
import com.callflowrules.hierarchy.DidRepository;
import com.callflowrules.hierarchy.HierarchyStore;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.support.ShippedRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The life of a call on every database the product supports; each subclass supplies a migrated one. */
abstract class CallControlContract {

    private final ScenarioClock clock = new ScenarioClock(Instant.parse("2026-11-23T09:00:00Z"));
    private CallControl control;
    private DidRepository dids;
    private MeetingRoomRepository rooms;
    private MeetingRepository meetings;
    private Account account;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        DataSource dataSource = dataSource();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        HierarchyStore store = HierarchyStore.on(dataSource, clock);
        AccountRepository accounts = store.accounts();
        dids = store.dids();
        rooms = store.rooms();
        meetings = new MeetingRepository(jdbc);
        control = new CallControl(
                ShippedRules.engine(),
                store.cache(),
                rooms,
                new CallRepository(jdbc),
                meetings,
                new AuditRepository(jdbc),
                transactions,
                clock,
                event -> {});
        account = accounts.create("Acme", CallFlow.sidFor("secured"), Map.of());
    }

    private String number(String flow, Map<String, String> properties) {
        String number = "1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        dids.create(account.accountSid(), number, null, CallFlow.sidFor(flow), properties);
        return number;
    }

    @Test
    void securedWrongCodeThenRightCodeStartsOneMeeting() {
        String number = number("secured", Map.of());
        String room = rooms.create(
                        account.accountSid(), "R", null, List.of(new AccessCode("13", Role.HOST)), Map.of(), false)
                .meetingRoomSid();
        String call = control.arrive(number, "1").call().callSid();

        CallControl.Outcome wrong = control.enterCode(call, "99");
        CallControl.Outcome right = control.enterCode(call, "13");

        assertThat(wrong.decision().action()).isEqualTo(Action.REPROMPT_ACCESS_CODE);
        assertThat(wrong.call().attemptsUsed()).isEqualTo(1);
        assertThat(right.decision().action()).isEqualTo(Action.JOIN);
        assertThat(right.call().meetingRoomSid()).isEqualTo(room);
        assertThat(meetings.find(right.call().meetingSid())
                        .orElseThrow()
                        .attendees()
                        .hosts())
                .isEqualTo(1);
    }

    @Test
    void fiftyCallersEnteringOneNewCodeAtOnceShareOneRoomAndOneMeeting() throws Exception {
        String number = number("open", Map.of());
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(control.arrive(number, "1").call().callSid());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CallControl.Outcome>> outcomes = new ArrayList<>();
        try {
            for (String call : calls) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return control.enterCode(call, "4242");
                }));
            }
            start.countDown();
            List<CallControl.Outcome> joined = new ArrayList<>();
            for (Future<CallControl.Outcome> outcome : outcomes) {
                joined.add(outcome.get());
            }
            assertThat(joined).allSatisfy(o -> assertThat(o.decision().action()).isEqualTo(Action.JOIN));
            Set<String> roomSids =
                    joined.stream().map(o -> o.call().meetingRoomSid()).collect(Collectors.toSet());
            Set<String> meetingSids =
                    joined.stream().map(o -> o.call().meetingSid()).collect(Collectors.toSet());
            assertThat(roomSids).hasSize(1);
            assertThat(meetingSids).hasSize(1);
            assertThat(rooms.roomsWithCode(account.accountSid(), null, "4242")).hasSize(1);
            assertThat(meetings.find(meetingSids.iterator().next())
                            .orElseThrow()
                            .attendees()
                            .participants())
                    .isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void participantsEnteringWhileTheHostJoinsAreAllAdmitted() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            String number = number("secured", Map.of("conference_start_how", "host"));
            String host = "7" + trial;
            String participant = "8" + trial;
            String room = rooms.create(
                            account.accountSid(),
                            "R" + trial,
                            null,
                            List.of(new AccessCode(host, Role.HOST), new AccessCode(participant, Role.PARTICIPANT)),
                            Map.of(),
                            false)
                    .meetingRoomSid();
            String hostCall = control.arrive(number, "1").call().callSid();
            List<String> participants = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                participants.add(control.arrive(number, "1").call().callSid());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<CallControl.Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < participants.size(); i++) {
                    String call = participants.get(i);
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return control.enterCode(call, participant);
                    }));
                    if (i == participants.size() / 2) {
                        outcomes.add(pool.submit(() -> {
                            start.await();
                            return control.enterCode(hostCall, host);
                        }));
                    }
                }
                start.countDown();
                for (Future<CallControl.Outcome> outcome : outcomes) {
                    outcome.get();
                }
            } finally {
                pool.shutdownNow();
            }
            // whatever the interleaving, nobody waits for a meeting that is running
            assertThat(meetings.lockInRooms(List.of(room))).hasSize(1);
            for (String call : participants) {
                assertThat(control.find(call).orElseThrow().state())
                        .as("trial %d, call %s", trial, call)
                        .isEqualTo(CallStatus.JOINED);
            }
        }
    }

    @Test
    void aCallWhoseDidIsDeletedWhilePromptedEndsOnItsNextEvent() {
        String number = number("secured", Map.of());
        String call = control.arrive(number, "1").call().callSid();
        com.callflowrules.facts.Did did = dids.findByNumber(number).orElseThrow();
        assertThat(underLiveCalls(List.of(call), () -> dids.delete(did.didSid())))
                .isTrue();

        CallControl.Outcome entered = control.enterCode(call, "1234");

        assertThat(entered.decision().action()).isEqualTo(Action.DROP);
        assertThat(entered.decision().reason()).isEqualTo(com.callflowrules.facts.Reason.UNKNOWN_NUMBER);
        assertThat(entered.call().state()).isEqualTo(CallStatus.ENDED);
    }

    @Test
    void aDidOrRoomALiveCallUsesIsNotDeleted() {
        String number = number("secured", Map.of());
        String call = control.arrive(number, "1").call().callSid();
        String did = dids.findByNumber(number).orElseThrow().didSid();

        assertThatThrownBy(() -> dids.delete(did)).hasMessageContaining(call);
        assertThat(dids.findByNumber(number)).isPresent();
    }

    /**
     * Runs {@code delete} as if {@code calls} were not live yet: the state a race between an arrival
     * (which reads its DID from the cache) and a delete can leave, since the delete only refuses
     * calls it can see. The calls keep their state.
     */
    private boolean underLiveCalls(List<String> calls, java.util.function.BooleanSupplier delete) {
        return transactions.execute(status -> {
            Map<String, String> states = new java.util.HashMap<>();
            for (String call : calls) {
                states.put(
                        call,
                        jdbc.sql("SELECT state FROM calls WHERE call_sid = ?")
                                .param(call)
                                .query(String.class)
                                .single());
                jdbc.sql("UPDATE calls SET state = 'ended' WHERE call_sid = ?")
                        .param(call)
                        .update();
            }
            boolean deleted = delete.getAsBoolean();
            states.forEach((call, state) -> jdbc.sql("UPDATE calls SET state = ? WHERE call_sid = ?")
                    .param(state)
                    .param(call)
                    .update());
            return deleted;
        });
    }

    @Test
    void aCallWhoseFlowChangesWhilePromptedIsStillAnswered() {
        String number = number("secured", Map.of());
        String call = control.arrive(number, "1").call().callSid();
        com.callflowrules.facts.Did did = dids.findByNumber(number).orElseThrow();
        // a flow that never prompts: a code entry means nothing to it
        assertThat(dids.update(new com.callflowrules.facts.Did(
                        did.didSid(),
                        did.accountSid(),
                        did.phonenumber(),
                        did.didGroupSid(),
                        CallFlow.sidFor("direct_host"),
                        did.properties(),
                        did.dateCreated())))
                .isTrue();

        CallControl.Outcome entered = control.enterCode(call, "1234");

        assertThat(entered.decision().action()).isEqualTo(Action.DISCONNECT);
        assertThat(entered.decision().reason()).isEqualTo(com.callflowrules.facts.Reason.RULES_FAILED);
        assertThat(entered.call().state()).isEqualTo(CallStatus.ENDED);
        assertThat(entered.call().endReason()).isEqualTo("RULES_FAILED");
    }

    @Test
    void joinedCallsWhoseRoomOrDidIsDeletedStillEndOnHangUp() {
        String number = number("secured", Map.of());
        String room = rooms.create(
                        account.accountSid(),
                        "R",
                        null,
                        List.of(new AccessCode("61", Role.HOST), new AccessCode("62", Role.PARTICIPANT)),
                        Map.of(),
                        false)
                .meetingRoomSid();
        String host = control.arrive(number, "1").call().callSid();
        String participant = control.arrive(number, "1").call().callSid();
        assertThat(control.enterCode(host, "61").decision().action()).isEqualTo(Action.JOIN);
        assertThat(control.enterCode(participant, "62").decision().action()).isEqualTo(Action.JOIN);

        assertThat(underLiveCalls(List.of(host, participant), () -> rooms.delete(room)))
                .isTrue();
        CallControl.Outcome hostLeft = control.hangUp(host);
        assertThat(underLiveCalls(
                        List.of(participant),
                        () -> dids.delete(
                                dids.findByNumber(number).orElseThrow().didSid())))
                .isTrue();
        CallControl.Outcome participantLeft = control.hangUp(participant);

        assertThat(hostLeft.call().state()).isEqualTo(CallStatus.ENDED);
        assertThat(participantLeft.call().state()).isEqualTo(CallStatus.ENDED);
    }

    @Test
    void timersFireFromTheDatabaseByTheClock() {
        String number = number("secured", Map.of("conference_start_how", "host", "conference_start_wait", "10"));
        rooms.create(account.accountSid(), "R", null, List.of(new AccessCode("7", Role.PARTICIPANT)), Map.of(), false);
        String call = control.arrive(number, "1").call().callSid();
        assertThat(control.enterCode(call, "7").decision().action()).isEqualTo(Action.WAIT);

        assertThat(control.fireDueTimers()).isZero();
        clock.advance(Duration.ofSeconds(11));
        assertThat(control.fireDueTimers()).isEqualTo(1);
        assertThat(control.fireDueTimers()).as("a timer fires once").isZero();

        assertThatThrownBy(() -> control.enterCode(call, "7")).isInstanceOf(CallStateException.class);
        assertThat(control.find(call).orElseThrow().endReason()).isEqualTo(Reason.START_TIMEOUT.name());
    }

    // Retention: the hot table follows live calls, history is pruned by age and count, never what is live.

    private Retention retention(long maxAuditRows, long maxEndedCalls) {
        RetentionProperties defaults = RetentionProperties.defaults();
        return new Retention(
                jdbc,
                new CallRepository(jdbc),
                transactions,
                clock,
                new RetentionProperties(
                        true,
                        defaults.interval(),
                        defaults.maxAge(),
                        defaults.keepAtLeast(),
                        maxAuditRows,
                        maxEndedCalls,
                        2));
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aSweepMovesEndedCallsOutOfTheHotTableAndTheyStayReadable() {
        String number = number("secured", Map.of());
        String ended = control.arrive(number, "1").call().callSid();
        String live = control.arrive(number, "2").call().callSid();
        control.hangUp(ended);
        for (int i = 0; i < 5; i++) {
            control.hangUp(control.arrive(number, "3").call().callSid());
        }

        Retention.Swept swept = retention(1_000, 1_000).sweep();

        assertThat(swept.callsMoved()).isEqualTo(6);
        assertThat(rows("calls")).isEqualTo(1);
        assertThat(retention(1_000, 1_000).hotCalls()).isEqualTo(1);
        assertThat(rows("call_history")).isEqualTo(6);
        assertThat(control.find(live).orElseThrow().state()).isEqualTo(CallStatus.PROMPTING);
        assertThat(control.find(ended).orElseThrow().state()).isEqualTo(CallStatus.ENDED);
        assertThat(control.decisionsOf(ended)).extracting(AuditEntry::event).containsExactly("arrive", "hang_up");
        assertThatThrownBy(() -> control.hangUp(ended))
                .isInstanceOf(CallStateException.class)
                .hasMessageContaining("has ended");
        assertThatThrownBy(() -> control.hangUp("no-such-call")).isInstanceOf(UnknownCallException.class);
    }

    @Test
    void pruningByAgeNeverTouchesALiveCallOrARunningMeeting() {
        String number = number("secured", Map.of());
        String room = rooms.create(
                        account.accountSid(), "R", null, List.of(new AccessCode("31", Role.HOST)), Map.of(), false)
                .meetingRoomSid();
        String host = control.arrive(number, "1").call().callSid();
        CallControl.Outcome joined = control.enterCode(host, "31");
        String ended = control.arrive(number, "2").call().callSid();
        control.hangUp(ended);
        retention(1_000, 1_000).sweep();

        clock.advance(Duration.ofDays(8));
        Retention.Swept swept = retention(1_000, 1_000).sweep();

        assertThat(swept.endedCallsDeleted()).isEqualTo(1);
        assertThat(control.find(ended)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM decision_audit WHERE call_sid = ?")
                        .param(ended)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(control.find(host).orElseThrow().state()).isEqualTo(CallStatus.JOINED);
        assertThat(meetings.find(joined.call().meetingSid()).orElseThrow().meetingRoomSid())
                .isEqualTo(room);
        assertThat(meetings.find(joined.call().meetingSid())
                        .orElseThrow()
                        .attendees()
                        .hosts())
                .isEqualTo(1);
        // the host still decides: pressing and leaving work on the kept rows
        assertThat(control.hangUp(host).decision().action()).isEqualTo(Action.LEFT);
    }

    @Test
    void theCallWhoseLeavingStartedARunningMeetingsStopTimerIsKeptUntilTheTimerFired() {
        String number = number("secured", Map.of());
        rooms.create(account.accountSid(), "R", null, List.of(new AccessCode("41", Role.HOST)), Map.of(), false);
        String host = control.arrive(number, "1").call().callSid();
        String meeting = control.enterCode(host, "41").call().meetingSid();
        assertThat(control.hangUp(host).decision().stopAfterSeconds()).isEqualTo(180);
        String other = control.arrive(number, "2").call().callSid();
        control.hangUp(other);
        retention(1_000, 1_000).sweep();

        clock.advance(Duration.ofDays(8));
        Retention.Swept kept = retention(1_000, 1_000).sweep();

        assertThat(kept.endedCallsDeleted()).as("only the other call goes").isEqualTo(1);
        assertThat(control.find(other)).isEmpty();
        assertThat(control.find(host).orElseThrow().state()).isEqualTo(CallStatus.ENDED);
        assertThat(control.fireDueTimers())
                .as("the stop timer is decided with the kept call")
                .isEqualTo(1);
        assertThat(meetings.find(meeting)).isEmpty();

        Retention.Swept after = retention(1_000, 1_000).sweep();

        assertThat(after.endedCallsDeleted()).isEqualTo(1);
        assertThat(control.find(host)).isEmpty();
    }

    @Test
    void routerAnswersOfEndedCallsGoWithTheirAgeAndThoseOfLiveCallsStay() {
        String number = number("secured", Map.of());
        RouterRequest voice = new RouterRequest(
                "test/voice", outcome -> "answer of " + outcome.call().callSid());
        control.arrive(number, "1", "CA-ended", voice);
        control.hangUp("CA-ended");
        control.arrive(number, "2", "CA-live", voice);
        retention(1_000, 1_000).sweep();
        clock.advance(Duration.ofDays(6));

        Retention.Swept young = retention(1_000, 1_000).sweep();

        assertThat(young.routerAnswersDeleted()).isZero();
        RouterAnswer retried = control.arrive(number, "1", "CA-ended", voice);
        assertThat(retried.repeated())
                .as("a retry after the call ended still gets its answer")
                .isTrue();
        assertThat(retried.answer()).isEqualTo("answer of CA-ended");

        clock.advance(Duration.ofDays(2));
        Retention.Swept old = retention(1_000, 1_000).sweep();

        assertThat(old.routerAnswersDeleted()).isEqualTo(1);
        assertThat(rows("router_answers")).isEqualTo(1);
        assertThat(control.arrive(number, "2", "CA-live", voice).answer()).isEqualTo("answer of CA-live");
    }

    @Test
    void pastTheRowLimitsTheOldestGoButNeverRowsOfTheLastHour() {
        String number = number("secured", Map.of());
        for (int i = 0; i < 4; i++) {
            control.hangUp(control.arrive(number, "1").call().callSid()); // 8 audit rows, 4 ended calls
        }
        clock.advance(Duration.ofMinutes(59));

        Retention.Swept young = retention(3, 1).sweep();

        assertThat(young.auditRowsDeleted()).isZero();
        assertThat(young.endedCallsDeleted()).isZero();
        assertThat(rows("decision_audit")).isEqualTo(8);
        assertThat(rows("call_history")).isEqualTo(4);

        clock.advance(Duration.ofMinutes(2));
        String recent = control.arrive(number, "1").call().callSid();
        control.hangUp(recent);
        Retention.Swept old = retention(3, 1).sweep();

        // the rows past the limits are older than an hour now and go; the newest stay
        assertThat(old.auditRowsDeleted()).isEqualTo(7);
        assertThat(old.endedCallsDeleted()).isEqualTo(4);
        assertThat(rows("decision_audit")).isEqualTo(3);
        assertThat(rows("call_history")).isEqualTo(1);
        assertThat(control.decisionsOf(recent)).extracting(AuditEntry::event).containsExactly("arrive", "hang_up");
    }

    @Test
    void theCompactAuditStillExplainsADecision() {
        String number = number("secured", Map.of("conference_start_how", "host"));
        rooms.create(account.accountSid(), "R", null, List.of(new AccessCode("77", Role.HOST)), Map.of(), false);
        String call = control.arrive(number, "1").call().callSid();
        CallControl.Outcome join = control.enterCode(call, "77");

        AuditEntry audited = control.decisionsOf(call).get(1);

        assertThat(audited.event()).isEqualTo("access_code");
        assertThat(audited.action()).isEqualTo("JOIN");
        assertThat(audited.callFlow()).isEqualTo("secured");
        assertThat(audited.ruleBaseVersion()).isEqualTo(join.decision().ruleBaseVersion());
        assertThat(audited.rulesFired()).isEqualTo(join.decision().rulesFired()).isNotEmpty();
        assertThat(audited.decision().get("rules_fired").size())
                .isEqualTo(join.decision().rulesFired().size());
        assertThat(audited.decision().get("role").asString()).isEqualTo("host");
        assertThat(audited.decision().get("start_meeting").asBoolean()).isTrue();
        assertThat(audited.decision().get("meeting_room_sid").asString())
                .isEqualTo(join.call().meetingRoomSid());
        assertThat(audited.decision().get("call_flow").get("source").asString()).isEqualTo("did");
        // the value the DID set is kept with its source; the flow's own values are not repeated
        assertThat(audited.decision()
                        .get("properties")
                        .get("conference_start_how")
                        .asString())
                .isEqualTo("host");
        assertThat(audited.decision()
                        .get("property_sources")
                        .get("conference_start_how")
                        .get("level")
                        .asString())
                .isEqualTo("did");
        assertThat(join.decision().properties())
                .hasSizeGreaterThan(audited.decision().get("properties").size());
        assertThat(audited.decision().get("properties").size()).isEqualTo(1);
        // one list of rules fired is stored once, however many decisions took that path
        String other = control.arrive(number, "2").call().callSid();
        control.enterCode(other, "77");
        assertThat(rows("audit_rule_lists")).isLessThan(rows("decision_audit"));
    }
}
