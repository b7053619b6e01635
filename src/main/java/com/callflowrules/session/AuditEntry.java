package com.callflowrules.session;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One audited decision of a call. */
public record AuditEntry(String callSid, String event, String action, String reason, String callFlow, String ruleBaseVersion,
        List<String> rulesFired, JsonNode decision, Instant decidedAt) {
}
