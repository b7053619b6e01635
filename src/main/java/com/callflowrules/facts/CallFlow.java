package com.callflowrules.facts;

import com.callflowrules.description.Example;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A call flow as defined by rule authors: its name, its {@link FlowBehaviour behaviour} (what
 * the shared rules do with its calls, or the rule file of its own), and its base value for every
 * property of the schema.
 */
public record CallFlow(
        String callFlowSid,
        @Example("secured") String name,
        FlowBehaviour behaviour,

        @Example("Prompts for an access code; unknown codes are refused after the last attempt.")
        String description,

        Map<String, String> properties) {

    public CallFlow {
        properties = Properties.copy(properties);
    }

    /** The sid of the flow named {@code name}: derived from the name, so it is stable across restarts. */
    public static String sidFor(String name) {
        return UUID.nameUUIDFromBytes(("call-flow:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
