package com.callflowrules.session;

import com.callflowrules.decision.Decision;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.InCallEffect;
import com.callflowrules.facts.Reason;
import com.callflowrules.properties.PropertySchema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What carrying a decision out does to a call: {@code (state, action, when) -> next state +
 * effects}, one row each, in the order they are matched. Call control runs this table
 * ({@code CallDecisions.apply}); nothing else moves a call from one state to another. A decision
 * whose action the call's state has no row for is a fault in the rules, carried out as
 * {@code RULES_FAILED}. docs/architecture.md, "The life of a call", is this table in prose, kept
 * equal to it by {@code CallTransitionsTest}.
 */
final class CallTransitions {

    /** What else, beyond its action, picks a decision's row. */
    enum When {
        /** Any decision with the row's action. */
        ALWAYS("-"),
        /** A {@code DISCONNECT} because the caller ran out of access-code attempts. */
        TOO_MANY_ATTEMPTS("reason `TOO_MANY_ATTEMPTS`"),
        /** An {@code IN_CALL_ACTION} of the binding whose effect is {@link InCallEffect#CHANGE_ROLE}. */
        ROLE_CHANGE_BINDING("the role-change binding");

        private final String text;

        When(String text) {
            this.text = text;
        }

        /** How the docs' table writes it. */
        String text() {
            return text;
        }

        static When of(Decision decision) {
            if (decision.action() == Action.DISCONNECT && decision.reason() == Reason.TOO_MANY_ATTEMPTS) {
                return TOO_MANY_ATTEMPTS;
            }
            if (decision.action() == Action.IN_CALL_ACTION
                    && decision.inCallAction() != null
                    && PropertySchema.standard()
                            .bindingOfAction(decision.inCallAction())
                            .map(binding -> binding.effect() == InCallEffect.CHANGE_ROLE)
                            .orElse(false)) {
                return ROLE_CHANGE_BINDING;
            }
            return ALWAYS;
        }
    }

    /** What call control does to the call, and around it, besides setting the next state; in row order. */
    enum Effect {
        /** One more wrong access-code attempt. */
        COUNT_ATTEMPT("count an attempt"),
        /** One more wrong or empty entry after the role-change binding. */
        COUNT_REFUSED_ROLE_CHANGE("count a refused role change"),
        /** Into the room with the decided role; the start-wait deadline set (kept from the first wait). */
        WAIT_IN_ROOM("set the start-wait deadline"),
        /** Create the room and start its meeting when the decision says so, then join it, muted as decided. */
        JOIN_MEETING("create the room and start the meeting if asked, join"),
        /** Take the decided role and mute; the call stays in its meeting. */
        TAKE_NEW_ROLE("take the new role and mute"),
        /** Carry out the pressed binding's in-call effect. */
        APPLY_BINDING("apply the binding's effect"),
        /** Set the meeting's stop timer, when the decision says the stop condition holds. */
        SET_STOP_TIMER("set the stop timer if asked"),
        /** Record the end, with the decision's reason. */
        END("end with the reason");

        private final String text;

        Effect(String text) {
            this.text = text;
        }

        /** How the docs' table writes it. */
        String text() {
            return text;
        }
    }

    /** One row: a call in {@code from} given {@code action} (and {@code when}) goes to {@code next}. */
    record Transition(CallStatus from, Action action, When when, CallStatus next, List<Effect> effects) {}

    /** Call control logs under one category, whichever of its classes writes. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CallControl.class);

    private static final List<CallStatus> LIVE =
            List.of(CallStatus.PROMPTING, CallStatus.WAITING, CallStatus.JOINED, CallStatus.CHANGING_ROLE);

    /** The table, specific rows before the general ones they refine. */
    static final List<Transition> TABLE = table();

    /** The rows of each state and action, in table order, so that an event looks up two keys, not every row. */
    private static final Map<CallStatus, Map<Action, List<Transition>>> ROWS = TABLE.stream()
            .collect(Collectors.groupingBy(
                    Transition::from,
                    () -> new EnumMap<>(CallStatus.class),
                    Collectors.groupingBy(Transition::action, () -> new EnumMap<>(Action.class), Collectors.toList())));

    private CallTransitions() {}

    private static List<Transition> table() {
        List<Transition> rows = new ArrayList<>();
        rows.add(row(CallStatus.PROMPTING, Action.PROMPT_ACCESS_CODE, CallStatus.PROMPTING));
        rows.add(row(CallStatus.PROMPTING, Action.REPROMPT_ACCESS_CODE, CallStatus.PROMPTING, Effect.COUNT_ATTEMPT));
        rows.add(row(CallStatus.PROMPTING, Action.IGNORE, CallStatus.PROMPTING));
        rows.add(row(CallStatus.PROMPTING, Action.DROP, CallStatus.ENDED, Effect.END));
        rows.add(new Transition(
                CallStatus.PROMPTING,
                Action.DISCONNECT,
                When.TOO_MANY_ATTEMPTS,
                CallStatus.ENDED,
                List.of(Effect.COUNT_ATTEMPT, Effect.END)));
        for (CallStatus from : List.of(CallStatus.PROMPTING, CallStatus.WAITING)) {
            rows.add(row(from, Action.WAIT, CallStatus.WAITING, Effect.WAIT_IN_ROOM));
            rows.add(row(from, Action.JOIN, CallStatus.JOINED, Effect.JOIN_MEETING));
        }
        rows.add(new Transition(
                CallStatus.JOINED,
                Action.IN_CALL_ACTION,
                When.ROLE_CHANGE_BINDING,
                CallStatus.CHANGING_ROLE,
                List.of()));
        rows.add(row(CallStatus.JOINED, Action.IN_CALL_ACTION, CallStatus.JOINED, Effect.APPLY_BINDING));
        rows.add(row(CallStatus.JOINED, Action.IGNORE, CallStatus.JOINED));
        rows.add(row(CallStatus.CHANGING_ROLE, Action.JOIN, CallStatus.JOINED, Effect.TAKE_NEW_ROLE));
        rows.add(row(CallStatus.CHANGING_ROLE, Action.IGNORE, CallStatus.JOINED, Effect.COUNT_REFUSED_ROLE_CHANGE));
        for (CallStatus from : LIVE) {
            rows.add(row(from, Action.DISCONNECT, CallStatus.ENDED, Effect.END));
            rows.add(row(from, Action.LEFT, CallStatus.ENDED, Effect.SET_STOP_TIMER, Effect.END));
        }
        return List.copyOf(rows);
    }

    private static Transition row(CallStatus from, Action action, CallStatus next, Effect... effects) {
        return new Transition(from, action, When.ALWAYS, next, List.of(effects));
    }

    /** The row a decision is carried out by, and the decision carried out: {@code RULES_FAILED} for one off the table. */
    record Move(Transition transition, Decision decision) {}

    /**
     * How call control carries {@code decision} out for a call in state {@code from}: by its row,
     * or, when the call's life has none, as {@link Decision#rulesFailed} (logged, as a fault in the
     * rules), which every live state has a row for.
     */
    static Move move(String event, CallStatus from, Decision decision) {
        Optional<Transition> row = of(from, decision);
        if (row.isPresent()) {
            return new Move(row.get(), decision);
        }
        log.error(
                "{}: the rules decided {} for a call that is {}, which the life of a call has no row for",
                event,
                decision.action(),
                from.spelling());
        Decision failed = Decision.rulesFailed(decision.ruleBaseVersion(), decision.rulesFired());
        return new Move(of(from, failed).orElseThrow(), failed);
    }

    /** The first row for {@code decision} in state {@code from}; empty when the call's life has none. */
    static Optional<Transition> of(CallStatus from, Decision decision) {
        When when = When.of(decision);
        return ROWS.getOrDefault(from, Map.of()).getOrDefault(decision.action(), List.of()).stream()
                .filter(t -> t.when() == when || t.when() == When.ALWAYS)
                .findFirst();
    }
}
