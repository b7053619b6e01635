package com.callflowrules.session;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One audited decision of a call. */
public record AuditEntry(
        String callSid,
        String event,
        String action,
        @Nullable String reason,
        @Nullable String callFlow,
        String ruleBaseVersion,
        List<String> rulesFired,

        @io.swagger.v3.oas.annotations.media.Schema(implementation = com.callflowrules.decision.Decision.class)
        JsonNode decision,

        Instant decidedAt) {}
