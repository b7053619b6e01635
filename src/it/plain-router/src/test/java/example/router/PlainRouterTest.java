package example.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.CallLeft;
import com.callflowrules.facts.CallState;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.DtmfPressed;
import com.callflowrules.facts.Level;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.MeetingStopDue;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call router with its own state, deciding a whole call with the engine and the shipped rules:
 * arrival, access code, join, a key press, hang-up and the meeting's stop timer.
 */
class PlainRouterTest {

    @Test
    void decidesACallStoryFromRecordsTheRouterBuildsItself() {
        Path rulesDirectory = Path.of(System.getProperty("callflow.rules"));
        // snippet:start
        DecisionEngine engine = DecisionEngine.forRulesDirectory(rulesDirectory);

        // The router's own records of the hierarchy: the group names the secured flow.
        Instant now = Instant.now();
        Account account = new Account("acc-1", "Acme", CallFlow.sidFor("open"), Map.of(), now);
        DidGroup sales = new DidGroup("grp-1", "acc-1", "Sales", CallFlow.sidFor("secured"),
                Map.of("conference_start_wait", "120"), now);
        Did did = new Did("did-1", "acc-1", "15550001000", "grp-1", null, Map.of(), now);
        MeetingRoom room = new MeetingRoom("room-1", "acc-1", "Weekly sync", "grp-1",
                List.of(new AccessCode("1234", Role.HOST), new AccessCode("5678", Role.PARTICIPANT)),
                Map.of(), false, now);
        CallFacts dialed = CallFacts.dialed(did, sales, account);

        // 1. A call arrives: prompt for the access code.
        Decision arrival = engine.decide(new CallArrived("15550001000", "15559990000"), dialed);
        // arrival.action() == PROMPT_ACCESS_CODE; arrival.callFlow(): secured, named by the DID group

        // 2. The caller keys 5678: the router passes the rooms that own the code.
        Decision join = engine.decide(new AccessCodeEntered("5678", 0), dialed.withRoomsWithCode(List.of(room)));
        // join.action() == JOIN as participant; join.startMeeting(): no meeting runs, so the router starts one

        // 3. In the meeting (the router's state: the call, its room, the running meeting), *6 is pressed.
        CallState call = new CallState("call-1", join.role(), join.meetingRoomSid(), join.muted());
        MeetingState meeting = new MeetingState("meeting-1", "room-1", false, ParticipantMute.UNMUTED, new Attendees(0, 1, 0));
        CallFacts inMeeting = dialed.withRoom(room).withCall(call).withMeeting(meeting);
        Decision keyPress = engine.decide(new DtmfPressed("*6"), inMeeting);
        // keyPress.action() == IN_CALL_ACTION, keyPress.inCallAction() == "call_mute"

        // 4. The caller hangs up, the last one: the meeting stops after its grace time.
        Decision hangUp = engine.decide(new CallLeft(), inMeeting);
        // hangUp.action() == LEFT; stopAfterSeconds() == 180: the router sets a timer, asks again when due
        Decision stop = engine.decide(new MeetingStopDue(),
                inMeeting.withMeeting(new MeetingState("meeting-1", "room-1", false, ParticipantMute.UNMUTED, Attendees.NONE)));
        // stop: DISCONNECT, MEETING_ENDED: nobody came back, the router ends the meeting and its calls
        // snippet:end

        assertEquals(Action.PROMPT_ACCESS_CODE, arrival.action());
        assertEquals("secured", arrival.callFlow().name());
        assertEquals(Level.DID_GROUP, arrival.callFlow().source());
        assertEquals(3, arrival.attemptsLeft());
        assertEquals("120", arrival.properties().get("conference_start_wait"));
        assertEquals(Level.DID_GROUP, arrival.propertySources().get("conference_start_wait").level());
        assertFalse(arrival.rulesFired().isEmpty());

        assertEquals(Action.JOIN, join.action());
        assertEquals(Role.PARTICIPANT, join.role());
        assertEquals("room-1", join.meetingRoomSid());
        assertTrue(join.startMeeting());
        assertNull(join.createRoom());

        assertEquals(Action.IN_CALL_ACTION, keyPress.action());
        assertEquals("call_mute", keyPress.inCallAction());

        assertEquals(Action.LEFT, hangUp.action());
        assertEquals(180, hangUp.stopAfterSeconds());
        assertEquals(Action.DISCONNECT, stop.action());
        assertEquals("MEETING_ENDED", stop.reason().name());
    }

    @Test
    void anUnknownNumberIsDroppedAndNoMeetingIsCreated() {
        DecisionEngine engine = DecisionEngine.forRulesDirectory(Path.of(System.getProperty("callflow.rules")));

        Decision decision = engine.decide(new CallArrived("15550000000", "15559990000"), CallFacts.unknownNumber());

        assertEquals(Action.DROP, decision.action());
        assertEquals("UNKNOWN_NUMBER", decision.reason().name());
        assertFalse(decision.startMeeting());
    }

    @Test
    void nothingOfSpringAWebServerOrADatabaseIsOnTheClassPath() {
        for (String absent : List.of("org.springframework.core.SpringVersion", "org.apache.catalina.startup.Tomcat",
                "org.h2.Driver", "org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource", "org.flywaydb.core.Flyway",
                "tools.jackson.databind.ObjectMapper", "io.micrometer.core.instrument.MeterRegistry")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }
}
