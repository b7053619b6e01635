package com.callflowrules.baseline;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.Role;
import com.callflowrules.support.Hierarchy;
import java.util.Map;

/** The calls the benchmarks decide: a secured flow named by the DID group, overrides at every level. */
public final class BenchmarkInputs {

    public static final String CODE = "123456";

    public static final Hierarchy HIERARCHY = Hierarchy.account("open")
            .withGroupFlow("secured")
            .withAccountProperties(Map.of("did_language", "de_DE", "conference_start_wait", "600"))
            .withGroupProperties(Map.of("conference_moh", "sales-music", "did_welcomeprompt", "sales_hello"))
            .withDidProperties(Map.of("accesscode_max_attempts", "4"))
            .withRoom(
                    "room-1",
                    true,
                    Map.of("conference_mute_policy", "pl"),
                    new AccessCode(CODE, Role.PARTICIPANT),
                    new AccessCode("654321", Role.HOST));

    public static final CallFacts ARRIVAL = HIERARCHY.facts();
    public static final CallFacts CODE_ENTRY = HIERARCHY.factsForCode(CODE);
    /** A waiting participant of room-1, checked again after a host started its meeting. */
    public static final CallFacts ADMISSION = HIERARCHY.factsInRoom(
            "room-1",
            Role.PARTICIPANT,
            new MeetingState("meeting-1", "room-1", false, ParticipantMute.UNMUTED, new Attendees(1, 3, 0)));

    private BenchmarkInputs() {}
}
