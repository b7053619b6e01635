package com.callflowrules.session;

import static com.callflowrules.session.CallRepository.instant;
import static com.callflowrules.session.CallRepository.timestamp;

import com.callflowrules.decision.Decision;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The decision audit trail ({@code decision_audit}). */
@Repository
public class AuditRepository {

    private static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String callSid, String event, Decision decision, Instant at) {
        jdbc.sql("""
                        INSERT INTO decision_audit (call_sid, event, action, reason, call_flow, rule_base_version, rules_fired,
                            decision, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(callSid, event, decision.action().name(), decision.reason() == null ? null : decision.reason().name(),
                        decision.callFlow() == null ? null : decision.callFlow().name(), decision.ruleBaseVersion(),
                        JSON.writeValueAsString(decision.rulesFired()), JSON.writeValueAsString(decision), timestamp(at))
                .update();
    }

    /** The decisions of a call, oldest first. */
    public List<AuditEntry> forCall(String callSid) {
        return jdbc.sql("SELECT * FROM decision_audit WHERE call_sid = ? ORDER BY id").param(callSid)
                .query((rs, n) -> new AuditEntry(rs.getString("call_sid"), rs.getString("event"), rs.getString("action"),
                        rs.getString("reason"), rs.getString("call_flow"), rs.getString("rule_base_version"),
                        JSON.readValue(rs.getString("rules_fired"), NAMES), JSON.readTree(rs.getString("decision")),
                        instant(rs, "decided_at")))
                .list();
    }
}
