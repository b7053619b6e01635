package com.callflowrules.decision;

import com.callflowrules.facts.Action;
import com.callflowrules.facts.AttemptsLeft;
import com.callflowrules.facts.CallEvent;
import com.callflowrules.facts.CreateRoom;
import com.callflowrules.facts.EffectiveProperties;
import com.callflowrules.facts.EffectiveProperty;
import com.callflowrules.facts.InCallAction;
import com.callflowrules.facts.Media;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.MeetingStop;
import com.callflowrules.facts.MuteOnEntry;
import com.callflowrules.facts.Placement;
import com.callflowrules.facts.SelectedFlow;
import com.callflowrules.facts.StartMeeting;
import com.callflowrules.facts.Verdict;
import com.callflowrules.facts.WaitForStart;
import com.callflowrules.rules.Evaluation;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads the result facts of one evaluation into a {@link Decision}, refusing ambiguous results. */
final class DecisionAssembler {

    private DecisionAssembler() {}

    static Decision assemble(CallEvent event, CallFacts facts, Evaluation evaluation) {
        Verdict verdict = single(event, evaluation, Verdict.class, "verdict", true);
        SelectedFlow flow = single(event, evaluation, SelectedFlow.class, "selected flow", false);
        Placement placement = single(event, evaluation, Placement.class, "placement", false);

        EffectiveProperties effective = single(event, evaluation, EffectiveProperties.class, "properties fact", false);
        Map<String, String> properties = new TreeMap<>();
        Map<String, PropertySource> sources = new TreeMap<>();
        for (EffectiveProperty property : effective == null ? List.<EffectiveProperty>of() : effective.all()) {
            properties.put(property.key(), property.value());
            sources.put(property.key(), new PropertySource(property.level(), property.sourceSid()));
        }
        boolean joining = verdict.action() == Action.JOIN;
        CreateRoom createRoom = single(event, evaluation, CreateRoom.class, "room to create", false);
        AttemptsLeft attemptsLeft = single(event, evaluation, AttemptsLeft.class, "attempts left", false);
        WaitForStart wait = single(event, evaluation, WaitForStart.class, "wait", false);
        InCallAction inCallAction = single(event, evaluation, InCallAction.class, "in-call action", false);
        MeetingStop stop = single(event, evaluation, MeetingStop.class, "meeting stop", false);
        List<MediaStep> media = media(event, evaluation);
        String roomSid = placement == null ? null : placement.meetingRoomSid();
        String meetingSid = facts.meetings().stream()
                .filter(meeting -> meeting.meetingRoomSid().equals(roomSid))
                .map(MeetingState::meetingSid)
                .findFirst()
                .orElse(null);

        return new Decision(
                verdict.action(),
                verdict.reason(),
                flow == null
                        ? null
                        : new FlowChoice(flow.callFlowSid(), flow.flow().name(), flow.level(), flow.sourceSid()),
                placement == null ? null : placement.role(),
                placement == null ? null : placement.meetingRoomSid(),
                meetingSid,
                joining ? !evaluation.all(MuteOnEntry.class).isEmpty() : null,
                value(attemptsLeft, AttemptsLeft::count),
                media,
                Collections.unmodifiableMap(properties),
                Collections.unmodifiableMap(sources),
                evaluation.rulesFired(),
                evaluation.ruleBaseVersion(),
                value(createRoom, CreateRoom::room),
                !evaluation.all(StartMeeting.class).isEmpty(),
                value(wait, WaitForStart::seconds),
                value(inCallAction, InCallAction::name),
                value(stop, MeetingStop::graceSeconds));
    }

    /** The media steps in their order; two steps at one place would play in an order nobody chose. */
    private static List<MediaStep> media(CallEvent event, Evaluation evaluation) {
        List<Media> steps = evaluation.all(Media.class).stream()
                .sorted(Comparator.comparingInt(Media::order))
                .toList();
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).order() == steps.get(i - 1).order()) {
                throw conflict(
                        event,
                        evaluation,
                        "media steps at the same place " + steps.get(i).order() + ": "
                                + steps.get(i - 1).step() + " and "
                                + steps.get(i).step());
            }
        }
        return steps.stream().map(Media::step).toList();
    }

    private static <T> T single(CallEvent event, Evaluation evaluation, Class<T> type, String what, boolean required) {
        List<T> found = evaluation.all(type);
        if (found.size() > 1) {
            throw conflict(event, evaluation, "conflicting " + what + "s " + found);
        }
        if (found.isEmpty() && required) {
            throw new DecisionException(
                    "no rule gave a " + what + " for " + event + " in rule base " + evaluation.ruleBaseVersion()
                            + "; rules fired: " + evaluation.rulesFired(),
                    null,
                    evaluation.ruleBaseVersion(),
                    evaluation.rulesFired());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static DecisionException conflict(CallEvent event, Evaluation evaluation, String what) {
        return new DecisionException(
                what + " for " + event + " in rule base " + evaluation.ruleBaseVersion() + "; rules fired: "
                        + evaluation.rulesFired(),
                null,
                evaluation.ruleBaseVersion(),
                evaluation.rulesFired());
    }

    private static <T, R> R value(T fact, Function<T, R> read) {
        return fact == null ? null : read.apply(fact);
    }
}
