package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.AdmissionRequested;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admission to a room's meeting, domain.md section 5 step 3. */
class AdmissionTest {

    private static final String ROOM = "room-1";

    private final DecisionEngine engine = ShippedRules.engine();
    private final Hierarchy hierarchy = Hierarchy.account("secured")
            .withRoom(ROOM, true, Map.of(), "1", Role.HOST, "2", Role.PARTICIPANT, "3", Role.LISTENER);

    private static MeetingState running(boolean locked, int hosts, int participants, int listeners) {
        return new MeetingState("meeting-1", ROOM, locked, "false", new Attendees(hosts, participants, listeners));
    }

    private Decision enter(Hierarchy h, String code, MeetingState meeting) {
        return engine.decide(
                new AccessCodeEntered(code, 0), h.factsForCode(code).withMeeting(meeting));
    }

    @Test
    void aLockedMeetingRefusesParticipantsAndListenersButAdmitsHosts() {
        MeetingState locked = running(true, 1, 2, 0);

        Decision participant = enter(hierarchy, "2", locked);
        Decision listener = enter(hierarchy, "3", locked);
        Decision host = enter(hierarchy, "1", locked);

        assertThat(participant.action()).isEqualTo(Action.DISCONNECT);
        assertThat(participant.reason()).isEqualTo(Reason.MEETING_LOCKED);
        assertThat(participant.muted()).isNull();
        assertThat(listener.reason()).isEqualTo(Reason.MEETING_LOCKED);
        assertThat(host.action()).isEqualTo(Action.JOIN);
        assertThat(host.meetingSid()).isEqualTo("meeting-1");
        assertThat(host.startMeeting()).isFalse();
    }

    @Test
    void anUnlockedRunningMeetingIsJoinedWithoutStartingAnother() {
        Decision decision = enter(hierarchy, "2", running(false, 0, 1, 0));

        assertThat(decision.action()).isEqualTo(Action.JOIN);
        assertThat(decision.meetingSid()).isEqualTo("meeting-1");
        assertThat(decision.startMeeting()).isFalse();
    }

    @Test
    void withStartFirstTheFirstCallerStartsTheMeeting() {
        Decision decision = enter(hierarchy, "3", null);

        assertThat(decision.action()).isEqualTo(Action.JOIN);
        assertThat(decision.startMeeting()).isTrue();
        assertThat(decision.meetingSid()).isNull();
    }

    @Test
    void withStartHostOnlyAHostStartsTheMeetingOthersWaitWithMusic() {
        Hierarchy startHost =
                hierarchy.withDidProperties(Map.of("conference_start_how", "host", "conference_moh", "jazz"));

        Decision participant = enter(startHost, "2", null);
        Decision host = enter(startHost, "1", null);

        assertThat(participant.action()).isEqualTo(Action.WAIT);
        assertThat(participant.waitSeconds()).isEqualTo(360);
        assertThat(participant.startMeeting()).isFalse();
        assertThat(participant.media()).containsExactly(MediaStep.musicOnHold("jazz", 360));
        assertThat(participant.meetingRoomSid()).isEqualTo(ROOM);
        assertThat(host.action()).isEqualTo(Action.JOIN);
        assertThat(host.startMeeting()).isTrue();
    }

    @Test
    void aWaitingCallerWithoutMusicHearsNothing() {
        Decision decision = enter(
                hierarchy.withDidProperties(Map.of("conference_start_how", "host", "conference_moh_enabled", "off")),
                "2",
                null);

        assertThat(decision.action()).isEqualTo(Action.WAIT);
        assertThat(decision.media()).isEmpty();
    }

    @Test
    void aWaitingCallerCheckedAgainWaitsForTheRestOfTheStartWaitThenIsDisconnected() {
        Hierarchy startHost =
                hierarchy.withDidProperties(Map.of("conference_start_how", "host", "conference_start_wait", "120"));
        CallFacts waiting = startHost.factsInRoom(ROOM, Role.PARTICIPANT, null);

        Decision stillWaiting = engine.decide(new AdmissionRequested(100), waiting);
        Decision timedOut = engine.decide(new AdmissionRequested(120), waiting);
        Decision hostArrived = engine.decide(new AdmissionRequested(110), waiting.withMeeting(running(false, 1, 0, 0)));

        assertThat(stillWaiting.action()).isEqualTo(Action.WAIT);
        assertThat(stillWaiting.waitSeconds()).isEqualTo(20);
        assertThat(timedOut.action()).isEqualTo(Action.DISCONNECT);
        assertThat(timedOut.reason()).isEqualTo(Reason.START_TIMEOUT);
        assertThat(hostArrived.action()).isEqualTo(Action.JOIN);
        assertThat(hostArrived.meetingSid()).isEqualTo("meeting-1");
    }

    @Test
    void joiningCallersAreMutedWhenTheirRoleIsInTheMutePolicy() {
        Hierarchy policy = hierarchy.withGroupProperties(Map.of("conference_mute_policy", "hl"));

        assertThat(enter(policy, "1", null).muted()).isTrue();
        assertThat(enter(policy, "2", null).muted()).isFalse();
        assertThat(enter(policy, "3", null).muted()).isTrue();
        assertThat(enter(hierarchy.withGroupProperties(Map.of("conference_mute_policy", "")), "3", null)
                        .muted())
                .isFalse();
    }

    @Test
    void aParticipantJoiningAMeetingWhoseParticipantsAreMutedIsMuted() {
        MeetingState mutedMeeting = new MeetingState("meeting-1", ROOM, false, "true", new Attendees(1, 3, 0));

        assertThat(enter(hierarchy, "2", mutedMeeting).muted()).isTrue();
        assertThat(enter(hierarchy, "1", mutedMeeting).muted()).isFalse();
    }

    @Test
    void onJoiningTheCallerHearsTheWelcomePromptTheCountByPolicyAndTheMeetingAnEntryTone() {
        Hierarchy h = hierarchy.withAccountProperties(
                Map.of("conference_welcomeprompt", "acme_conf", "conference_announceparticipantcount_policy", "p"));

        Decision participant = enter(h, "2", running(false, 1, 1, 2));
        Decision host = enter(h, "1", running(false, 1, 1, 2));
        Decision first = enter(h, "2", null);

        assertThat(participant.media())
                .containsExactly(
                        MediaStep.play("acme_conf", "en_US"),
                        MediaStep.announceCount(4, "en_US"),
                        MediaStep.tone("entry_tone"));
        assertThat(host.media()).containsExactly(MediaStep.play("acme_conf", "en_US"), MediaStep.tone("entry_tone"));
        assertThat(first.media()).contains(MediaStep.announceCount(0, "en_US"));
    }

    @Test
    void welcomePromptAndEntryToneCanBeSwitchedOff() {
        Decision decision = enter(
                hierarchy.withDidProperties(Map.of(
                        "conference_welcomeprompt_enabled",
                        "off",
                        "conference_entrytones_enabled",
                        "off",
                        "conference_announceparticipantcount_policy",
                        "")),
                "2",
                null);

        assertThat(decision.action()).isEqualTo(Action.JOIN);
        assertThat(decision.media()).isEmpty();
    }

    @Test
    void theRoomsOwnPropertiesDecideItsAdmission() {
        Hierarchy roomStartsWithHost = Hierarchy.account("secured")
                .withRoom(ROOM, true, Map.of("conference_start_how", "host"), "2", Role.PARTICIPANT);

        Decision decision = enter(roomStartsWithHost, "2", null);

        assertThat(decision.action()).isEqualTo(Action.WAIT);
        assertThat(decision.propertySources().get("conference_start_how").level())
                .isEqualTo(com.callflowrules.facts.Level.MEETING_ROOM);
    }

    @Test
    void onlyTheMeetingOfTheRoomTheCallerGoesToDecidesAdmission() {
        Hierarchy twoRooms = Hierarchy.account("secured")
                .withRoom(ROOM, true, Map.of(), "5", Role.PARTICIPANT)
                .withRoom("account-room", false, Map.of(), "5", Role.PARTICIPANT);
        MeetingState lockedElsewhere =
                new MeetingState("meeting-2", "account-room", true, "false", new Attendees(1, 0, 0));
        MeetingState open = running(false, 1, 0, 0);

        Decision decision = engine.decide(
                new AccessCodeEntered("5", 0),
                twoRooms.factsForCode("5").withMeetings(java.util.List.of(lockedElsewhere, open)));

        assertThat(decision.action()).isEqualTo(Action.JOIN);
        assertThat(decision.meetingRoomSid()).isEqualTo(ROOM);
        assertThat(decision.meetingSid()).isEqualTo("meeting-1");
    }
}
