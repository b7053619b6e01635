package com.callflowrules.facts;

import com.callflowrules.description.Example;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A group of DIDs of one account; may name a call flow and override properties. */
public record DidGroup(
        String didGroupSid,
        String accountSid,
        @Example("Sales") String name,
        @Nullable String callFlowSid,
        Map<String, String> properties,
        Instant dateCreated) {

    public DidGroup {
        properties = Properties.copy(properties);
    }
}
