package com.callflowrules.facts;

import com.callflowrules.description.Example;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer account: the last level that can name a call flow, and a property override level. */
public record Account(
        String accountSid,
        @Example("Acme") String name,
        @Nullable String callFlowSid,
        Map<String, String> properties,
        Instant dateCreated) {

    public Account {
        properties = Properties.copy(properties);
    }
}
