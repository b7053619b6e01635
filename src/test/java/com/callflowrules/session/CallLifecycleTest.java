package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.facts.Spelled;
import com.callflowrules.session.CallLifecycle.Event;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state table of a call's life: what each state takes, and the refusal of the rest. */
class CallLifecycleTest {

    private static Call in(CallStatus state) {
        return Call.arrived("call-1", "1", "2", "did-1", Instant.EPOCH).with(state);
    }

    private static Set<Event> taken(CallStatus state) {
        Set<Event> events = EnumSet.noneOf(Event.class);
        for (Event event : Event.values()) {
            if (CallLifecycle.takes(state, event)) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void eachStateTakesTheEventsOfDomainSectionFive() {
        assertThat(taken(CallStatus.PROMPTING)).containsExactlyInAnyOrder(Event.KEYED_CODE, Event.HUNG_UP);
        assertThat(taken(CallStatus.WAITING)).containsExactlyInAnyOrder(Event.ADMISSION_CHECK, Event.HUNG_UP);
        assertThat(taken(CallStatus.JOINED)).containsExactlyInAnyOrder(Event.PRESSED_KEYS, Event.HUNG_UP);
        assertThat(taken(CallStatus.CHANGING_ROLE)).containsExactlyInAnyOrder(Event.KEYED_CODE, Event.HUNG_UP);
        assertThat(taken(CallStatus.ENDED)).isEmpty();
    }

    @Test
    void theArchitectureTableTakesWhatTheCodeTakes() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/architecture.md"));
        String header = "| State | keyed code | pressed keys | hung up | admission check (timer, a host came) |";
        int start = doc.indexOf(header);
        assertThat(start).isNotNegative();
        List<Event> columns = List.of(Event.KEYED_CODE, Event.PRESSED_KEYS, Event.HUNG_UP, Event.ADMISSION_CHECK);
        Map<CallStatus, Set<Event>> documented = new java.util.EnumMap<>(CallStatus.class);
        for (String line :
                doc.substring(start, doc.indexOf("\n\n", start)).lines().skip(2).toList()) {
            String[] cells = line.split("\\|");
            CallStatus state = Spelled.parse(CallStatus.class, cells[1].trim().replace("`", ""));
            Set<Event> takes = EnumSet.noneOf(Event.class);
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells[i + 2].trim();
                if (!cell.equals("409") && !cell.equals("-")) {
                    takes.add(columns.get(i));
                }
            }
            documented.put(state, takes);
        }
        for (CallStatus state : CallStatus.values()) {
            assertThat(documented.get(state)).as(state.spelling()).isEqualTo(taken(state));
        }
    }

    @Test
    void anEventTheStateDoesNotTakeIsRefusedNamingTheState() {
        assertThatThrownBy(() -> CallLifecycle.require(in(CallStatus.JOINED), Event.KEYED_CODE))
                .isInstanceOf(CallStateException.class)
                .hasMessage("call call-1 is joined, not waiting for an access code");
        assertThatThrownBy(() -> CallLifecycle.require(in(CallStatus.PROMPTING), Event.PRESSED_KEYS))
                .isInstanceOf(CallStateException.class)
                .hasMessage("call call-1 is prompting, not in a meeting");
        assertThatThrownBy(() -> CallLifecycle.require(in(CallStatus.ENDED), Event.HUNG_UP))
                .isInstanceOf(CallStateException.class)
                .hasMessage("call call-1 has ended");
    }
}
