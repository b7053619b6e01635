package com.callflowrules.baseline;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.FlowChoice;
import com.callflowrules.decision.PropertySource;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Level;
import com.callflowrules.facts.MediaKind;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.properties.PropertyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The physical floor for benchmarks: the same routing, per-key merge and prompting/joining
 * decision as the shipped rules for a secured flow, hand-written in plain Java. Not product code:
 * it exists so the engine's cost can be read as a ratio. Covers only what the benchmarks decide.
 */
public final class PlainJavaDecider {

    private final Map<String, CallFlow> flowsBySid;

    public PlainJavaDecider(List<CallFlow> flows) {
        Map<String, CallFlow> bySid = new java.util.HashMap<>();
        flows.forEach(f -> bySid.put(f.callFlowSid(), f));
        this.flowsBySid = bySid;
    }

    /** A call arrives: route, merge, prompt. */
    public Decision arrive(CallFacts facts) {
        FlowChoice flow = route(facts);
        Map<String, String> properties = new TreeMap<>();
        Map<String, PropertySource> sources = new TreeMap<>();
        merge(flow, facts, null, properties, sources);
        int attempts = PropertyValues.attempts("accesscode_max_attempts", properties.get("accesscode_max_attempts"));
        List<MediaStep> media = List.of(
                MediaStep.play(properties.get("did_welcomeprompt"), properties.get("did_language")),
                MediaStep.collectDigits(PropertyValues.seconds(
                        "accesscode_input_timeout", properties.get("accesscode_input_timeout"))));
        return new Decision(
                Action.PROMPT_ACCESS_CODE,
                null,
                flow,
                null,
                null,
                null,
                null,
                attempts,
                media,
                properties,
                sources,
                List.of(),
                "plain-java",
                null,
                false,
                null,
                null,
                null);
    }

    /** A known code is entered: route, look the code up, merge with the room, admit to a new meeting. */
    public Decision enterKnownCode(CallFacts facts, String code) {
        FlowChoice flow = route(facts);
        MeetingRoom room = lookup(facts, code);
        Role role = room.roleOf(code);
        Map<String, String> properties = new TreeMap<>();
        Map<String, PropertySource> sources = new TreeMap<>();
        merge(flow, facts, room, properties, sources);
        boolean muted = PropertyValues.roles("conference_mute_policy", properties.get("conference_mute_policy"))
                .contains(role);
        return new Decision(
                Action.JOIN,
                null,
                flow,
                role,
                room.meetingRoomSid(),
                null,
                muted,
                null,
                joinMedia(properties, role, 0),
                properties,
                sources,
                List.of(),
                "plain-java",
                null,
                true,
                null,
                null,
                null);
    }

    /**
     * A waiting caller is checked again while the room's meeting runs: refused if it is locked and
     * the caller no host, else joined, muted by the policy or by a host's participant mute.
     */
    public Decision admit(CallFacts facts) {
        FlowChoice flow = route(facts);
        MeetingRoom room = facts.room();
        MeetingState meeting = facts.meetings().get(0);
        Role role = facts.call().role();
        Map<String, String> properties = new TreeMap<>();
        Map<String, PropertySource> sources = new TreeMap<>();
        merge(flow, facts, room, properties, sources);
        if (meeting.locked() && role != Role.HOST) {
            return new Decision(
                    Action.DISCONNECT,
                    Reason.MEETING_LOCKED,
                    flow,
                    role,
                    room.meetingRoomSid(),
                    meeting.meetingSid(),
                    null,
                    null,
                    List.of(),
                    properties,
                    sources,
                    List.of(),
                    "plain-java",
                    null,
                    false,
                    null,
                    null,
                    null);
        }
        boolean muted = PropertyValues.roles("conference_mute_policy", properties.get("conference_mute_policy"))
                        .contains(role)
                || role == Role.PARTICIPANT && meeting.participantMuted().mutesParticipants();
        return new Decision(
                Action.JOIN,
                null,
                flow,
                role,
                room.meetingRoomSid(),
                meeting.meetingSid(),
                muted,
                null,
                joinMedia(properties, role, meeting.attendees().total()),
                properties,
                sources,
                List.of(),
                "plain-java",
                null,
                false,
                null,
                null,
                null);
    }

    private static List<MediaStep> joinMedia(Map<String, String> properties, Role role, int attendees) {
        List<MediaStep> media = new ArrayList<>();
        String language = properties.get("did_language");
        if (PropertyValues.onOff(
                "conference_welcomeprompt_enabled", properties.get("conference_welcomeprompt_enabled"))) {
            media.add(MediaStep.play(properties.get("conference_welcomeprompt"), language));
        }
        if (PropertyValues.roles(
                        "conference_announceparticipantcount_policy",
                        properties.get("conference_announceparticipantcount_policy"))
                .contains(role)) {
            media.add(MediaStep.announceCount(attendees, language));
        }
        if (PropertyValues.onOff("conference_entrytones_enabled", properties.get("conference_entrytones_enabled"))) {
            media.add(MediaStep.tone(MediaKind.ENTRY_TONE));
        }
        return media;
    }

    private FlowChoice route(CallFacts facts) {
        if (facts.did().callFlowSid() != null) {
            return choice(facts.did().callFlowSid(), Level.DID, facts.did().didSid());
        }
        if (facts.didGroup() != null && facts.didGroup().callFlowSid() != null) {
            return choice(
                    facts.didGroup().callFlowSid(),
                    Level.DID_GROUP,
                    facts.didGroup().didGroupSid());
        }
        return choice(
                facts.account().callFlowSid(), Level.ACCOUNT, facts.account().accountSid());
    }

    private FlowChoice choice(String flowSid, Level level, String sourceSid) {
        CallFlow flow = flowsBySid.get(flowSid);
        return new FlowChoice(flow.callFlowSid(), flow.name(), level, sourceSid);
    }

    private static MeetingRoom lookup(CallFacts facts, String code) {
        String group = facts.did().didGroupSid();
        MeetingRoom accountWide = null;
        for (MeetingRoom room : facts.roomsWithCode()) {
            if (room.hasCode(code)) {
                if (group != null && group.equals(room.didGroupSid())) {
                    return room;
                }
                if (room.didGroupSid() == null) {
                    accountWide = room;
                }
            }
        }
        return accountWide;
    }

    private void merge(
            FlowChoice flow,
            CallFacts facts,
            MeetingRoom room,
            Map<String, String> properties,
            Map<String, PropertySource> sources) {
        layer(
                flowsBySid.get(flow.callFlowSid()).properties(),
                Level.CALL_FLOW,
                flow.callFlowSid(),
                properties,
                sources);
        layer(facts.account().properties(), Level.ACCOUNT, facts.account().accountSid(), properties, sources);
        if (facts.didGroup() != null) {
            layer(
                    facts.didGroup().properties(),
                    Level.DID_GROUP,
                    facts.didGroup().didGroupSid(),
                    properties,
                    sources);
        }
        layer(facts.did().properties(), Level.DID, facts.did().didSid(), properties, sources);
        if (room != null) {
            layer(room.properties(), Level.MEETING_ROOM, room.meetingRoomSid(), properties, sources);
        }
    }

    private static void layer(
            Map<String, String> values,
            Level level,
            String sid,
            Map<String, String> properties,
            Map<String, PropertySource> sources) {
        PropertySource source = new PropertySource(level, sid);
        values.forEach((key, value) -> {
            properties.put(key, value);
            sources.put(key, source);
        });
    }
}
