package com.callflowrules.session;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a call as an explicit state machine (domain.md section 5): which events a call in
 * each state takes. An event the table does not list for the call's state is refused with
 * {@link CallStateException} (409) before anything is decided. What each decision then does to
 * the call is {@link CallTransitions}. docs/architecture.md, "The life of a call", has both tables,
 * kept equal to the code by {@code CallLifecycleTest} and {@code CallTransitionsTest}.
 *
 * <pre>
 * state          keyed code      pressed keys   hung up   admission check
 * prompting      access code     -              yes       -
 * waiting        -               -              yes       yes (timer, a host came)
 * joined         -               yes            yes       -
 * changing_role  role code       -              yes       -
 * ended          -               -              -         -
 * </pre>
 */
final class CallLifecycle {

    /** What can happen to a call from outside it. */
    enum Event {
        KEYED_CODE("not waiting for an access code"),
        PRESSED_KEYS("not in a meeting"),
        HUNG_UP("has ended"),
        ADMISSION_CHECK("not waiting for its meeting to start");

        private final String refusal;

        Event(String refusal) {
            this.refusal = refusal;
        }
    }

    private static final Map<CallStatus, Set<Event>> TAKES = new EnumMap<>(Map.of(
            CallStatus.PROMPTING, EnumSet.of(Event.KEYED_CODE, Event.HUNG_UP),
            CallStatus.WAITING, EnumSet.of(Event.ADMISSION_CHECK, Event.HUNG_UP),
            CallStatus.JOINED, EnumSet.of(Event.PRESSED_KEYS, Event.HUNG_UP),
            CallStatus.CHANGING_ROLE, EnumSet.of(Event.KEYED_CODE, Event.HUNG_UP),
            CallStatus.ENDED, EnumSet.noneOf(Event.class)));

    private CallLifecycle() {}

    static boolean takes(CallStatus state, Event event) {
        return TAKES.get(state).contains(event);
    }

    /** Throws {@link CallStateException} naming the call's state when it does not take {@code event}. */
    static void require(Call call, Event event) {
        if (!takes(call.state(), event)) {
            throw new CallStateException(
                    call.state() == CallStatus.ENDED
                            ? "call " + call.callSid() + " has ended"
                            : "call " + call.callSid() + " is " + call.state().spelling() + ", " + event.refusal);
        }
    }

    /** The live call {@code callSid} under its row lock; 409 for an ended call, 404 for an unknown one. */
    static Call lockLive(CallRepository calls, String callSid) {
        return live(calls, calls.lock(callSid), callSid);
    }

    /** The call {@code found} holds, when it is live; 409 for an ended call, 404 for an unknown one. */
    static Call live(CallRepository calls, java.util.Optional<Call> found, String callSid) {
        if (found.isEmpty() && calls.ended(callSid).isPresent()) {
            throw new CallStateException("call " + callSid + " has ended");
        }
        Call call = found.orElseThrow(() -> new UnknownCallException(callSid));
        if (call.state() == CallStatus.ENDED) {
            throw new CallStateException("call " + callSid + " has ended");
        }
        return call;
    }
}
