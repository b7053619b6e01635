package com.callflowrules.scenario;

import com.callflowrules.decision.Decision;
import com.callflowrules.decision.PropertySource;
import com.callflowrules.session.Call;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.Meeting;
import com.callflowrules.session.MeetingRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a step shows an expectation, as flat fields ({@code action}, {@code calls.pia.state},
 * {@code meeting.attendees.hosts}, ...): the decision, every caller's call as stored, and the
 * meeting of the step's caller. Rooms are named as the scenario names them.
 */
final class ScenarioObservations {

    private final CallRepository calls;
    private final MeetingRepository meetings;
    private final UnaryOperator<String> room;

    ScenarioObservations(CallRepository calls, MeetingRepository meetings, UnaryOperator<String> room) {
        this.calls = calls;
        this.meetings = meetings;
        this.room = room;
    }

    void observe(Decision d, Map<String, String> observed) {
        observed.put("action", d.action().name());
        observed.put("reason", d.reason() == null ? null : d.reason().name());
        observed.put("call_flow", d.callFlow() == null ? null : d.callFlow().name());
        observed.put(
                "call_flow_source",
                d.callFlow() == null ? null : d.callFlow().source().spelling());
        observed.put("role", d.role() == null ? null : d.role().spelling());
        observed.put("meeting_room", room.apply(d.meetingRoomSid()));
        observed.put("muted", Objects.toString(d.muted(), null));
        observed.put("attempts_left", Objects.toString(d.attemptsLeft(), null));
        observed.put(
                "create_room", d.createRoom() == null ? null : d.createRoom().accessCode());
        observed.put("start_meeting", String.valueOf(d.startMeeting()));
        observed.put("wait_seconds", Objects.toString(d.waitSeconds(), null));
        observed.put("in_call_action", d.inCallAction());
        observed.put("stop_after_seconds", Objects.toString(d.stopAfterSeconds(), null));
        observed.put(
                "media",
                d.media().stream()
                        .map(m -> m.type().spelling() + (m.prompt() == null ? "" : ":" + m.prompt()))
                        .toList()
                        .toString());
        observed.put(
                "media_details",
                d.media().stream().map(ScenarioObservations::details).toList().toString());
        d.properties().forEach((key, value) -> observed.put("properties." + key, value));
        d.propertySources().forEach((key, source) -> observed.put("property_sources." + key, level(source)));
    }

    /** Every caller's call, and the meeting of this step's caller. */
    void observeCalls(Map<String, String> callers, String caller, Map<String, String> observed) {
        callers.forEach((name, sid) -> calls.find(sid).ifPresent(call -> {
            String prefix = "calls." + name + ".";
            observed.put(prefix + "state", call.state().spelling());
            observed.put(
                    prefix + "role", call.role() == null ? null : call.role().spelling());
            observed.put(prefix + "muted", String.valueOf(call.muted()));
            observed.put(prefix + "on_hold", String.valueOf(call.onHold()));
            observed.put(prefix + "end_reason", call.endReason());
            observed.put(prefix + "meeting_room", room.apply(call.meetingRoomSid()));
            if (name.equals(caller)) {
                observed.put("call.state", call.state().spelling());
                observed.put(
                        "call.role", call.role() == null ? null : call.role().spelling());
                observed.put("call.muted", String.valueOf(call.muted()));
                observed.put("call.end_reason", call.endReason());
                observed.put("call.on_hold", String.valueOf(call.onHold()));
                observed.put("call.attempts_used", String.valueOf(call.attemptsUsed()));
                observed.put("call.role_changes_refused", String.valueOf(call.roleChangesRefused()));
                observeMeeting(call, observed);
            }
        }));
    }

    private void observeMeeting(Call call, Map<String, String> observed) {
        Optional<Meeting> meeting = call.meetingSid() == null ? Optional.empty() : meetings.find(call.meetingSid());
        observed.put("meeting.running", String.valueOf(meeting.isPresent()));
        meeting.ifPresent(m -> {
            observed.put("meeting.locked", String.valueOf(m.locked()));
            observed.put("meeting.participant_muted", m.participantMuted().spelling());
            observed.put("meeting.on_hold", m.onHold().letters());
            observed.put("meeting.recording", String.valueOf(m.recording()));
            observed.put("meeting.attendees.hosts", String.valueOf(m.attendees().hosts()));
            observed.put(
                    "meeting.attendees.participants",
                    String.valueOf(m.attendees().participants()));
            observed.put(
                    "meeting.attendees.listeners", String.valueOf(m.attendees().listeners()));
        });
    }

    private String level(PropertySource source) {
        return source.level().spelling();
    }

    /** Every field of a media step, for {@code media_details}: {@code play:welcome:en_US}, {@code collect_digits:5s}. */
    private static String details(com.callflowrules.facts.MediaStep step) {
        StringBuilder text = new StringBuilder(step.type().spelling());
        if (step.prompt() != null) {
            text.append(':').append(step.prompt());
        }
        if (step.language() != null) {
            text.append(':').append(step.language());
        }
        if (step.seconds() != null) {
            text.append(':').append(step.seconds()).append('s');
        }
        if (step.count() != null) {
            text.append(':').append(step.count());
        }
        return text.toString();
    }
}
