package com.callflowrules.session;

import com.callflowrules.description.Example;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One audited decision of a call. */
public record AuditEntry(
        String callSid,
        @Example("access_code") String event,
        @Example("JOIN") String action,
        @Example("CODE_ACCEPTED") @Nullable String reason,
        @Example("secured") @Nullable String callFlow,
        @Example("8fc2f2950f06") String ruleBaseVersion,
        List<String> rulesFired,

        @io.swagger.v3.oas.annotations.media.Schema(implementation = com.callflowrules.decision.Decision.class)
        JsonNode decision,

        Instant decidedAt) {}
