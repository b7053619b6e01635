package com.callflowrules.facts;

import com.callflowrules.description.Example;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A dialed number (E.164 with its {@code +}, as stored); the first level asked for a call flow. */
public record Did(
        String didSid,
        String accountSid,
        @Example("+15550001000") String phonenumber,
        @Nullable String didGroupSid,
        @Nullable String callFlowSid,
        Map<String, String> properties,
        Instant dateCreated) {

    public Did {
        properties = Properties.copy(properties);
    }
}
