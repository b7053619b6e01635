package com.callflowrules.hierarchy;

import java.util.Map;

/** A group of DIDs of one account; may name a call flow and override properties. */
public record DidGroup(String didGroupSid, String accountSid, String name, String callFlowSid,
        Map<String, String> properties) {

    public DidGroup {
        properties = Properties.copy(properties);
    }
}
