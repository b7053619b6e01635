package com.callflowrules.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * What one {@link RuleBase#evaluate} saw: the facts the rules inserted, the rules that fired and
 * the last few of them (for the failure message), with the decision's {@link RuleBudget} checked
 * at every match and firing.
 */
final class EvaluationRecorder {

    private static final int LAST = 5;

    private final List<Object> inserted = new ArrayList<>();
    private final Set<String> fired = new LinkedHashSet<>();
    private final ArrayDeque<String> lastFired = new ArrayDeque<>(LAST);
    private final RuleBudget budget;
    private final Listener listener;
    private int firings;
    private String current;

    private EvaluationRecorder(RuleBudget budget, Listener listener) {
        this.budget = budget;
        this.listener = listener;
    }

    /** A recorder for the session's next evaluation, until {@link #detach()}. */
    static EvaluationRecorder attach(KieSession session, RuleBudget budget) {
        Listener listener = Listener.of(session);
        EvaluationRecorder recorder = new EvaluationRecorder(budget, listener);
        listener.recorder = recorder;
        return recorder;
    }

    /** The pooled session outlives this evaluation; its listener must not keep recording here. */
    void detach() {
        listener.recorder = null;
    }

    List<Object> inserted() {
        return inserted;
    }

    List<String> fired() {
        return List.copyOf(fired);
    }

    /** The rule firing when the decision failed, or {@code null} before the first firing. */
    String current() {
        return current;
    }

    List<String> last() {
        return List.copyOf(lastFired);
    }

    private void beforeFired(String rule) {
        budget.check(firings);
        current = rule;
        firings++;
        if (lastFired.size() == LAST) {
            lastFired.removeFirst();
        }
        lastFired.addLast(rule);
    }

    /**
     * The one listener of a pooled session, attached the first time the session is borrowed and
     * kept with it: each evaluation points it at its own recorder for as long as it runs.
     */
    private static final class Listener extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        EvaluationRecorder recorder;

        static Listener of(KieSession session) {
            for (Object attached : session.getAgendaEventListeners()) {
                if (attached instanceof Listener listener) {
                    return listener;
                }
            }
            Listener listener = new Listener();
            session.addEventListener((AgendaEventListener) listener);
            session.addEventListener((RuleRuntimeEventListener) listener);
            return listener;
        }

        @Override
        public void matchCreated(MatchCreatedEvent event) {
            recorder.budget.check(recorder.firings);
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            recorder.beforeFired(event.getMatch().getRule().getName());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            recorder.fired.add(event.getMatch().getRule().getName());
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                recorder.inserted.add(event.getObject());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {}

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {}
    }
}
