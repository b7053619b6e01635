package com.callflowrules.session;

import static com.callflowrules.session.CallRepository.instant;
import static com.callflowrules.session.CallRepository.timestamp;

import com.callflowrules.decision.Decision;
import com.callflowrules.decision.PropertySource;
import com.callflowrules.facts.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision audit trail ({@code decision_audit}), kept compact: a row holds the event, the
 * decision without the property values the call flow itself supplies (those the account, group,
 * DID or room set are kept, with their sources), and the digest of its list of rules fired, which
 * is stored once per distinct list in {@code audit_rule_lists}. About 0.5 KB a row instead of 5.
 */
@Repository
public class AuditRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    /** The reason of an audited request that could not be decided. */
    public static final String UNANSWERED = "UNANSWERED";
    /** Rule lists known to be stored; distinct lists are few (one per path through a rule base). */
    private static final int KNOWN_LISTS = 10_000;

    private final JdbcClient jdbc;
    private final Set<String> storedLists = ConcurrentHashMap.newKeySet();

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String callSid, String event, Decision decision, Instant at) {
        String rules = JSON.writeValueAsString(decision.rulesFired());
        String digest = digest(rules);
        if (!storedLists.contains(digest)) {
            jdbc.sql("INSERT INTO audit_rule_lists (digest, rules) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(digest, rules)
                    .update();
            rememberAfterCommit(digest);
        }
        jdbc.sql("""
                        INSERT INTO decision_audit (call_sid, event, action, reason, call_flow, rule_base_version, rules_digest,
                            decision, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        callSid,
                        event,
                        decision.action().name(),
                        decision.reason() == null ? null : decision.reason().name(),
                        decision.callFlow() == null ? null : decision.callFlow().name(),
                        decision.ruleBaseVersion(),
                        digest,
                        JSON.writeValueAsString(compact(decision)),
                        timestamp(at))
                .update();
    }

    /**
     * A router's request for the call that could not be decided (an unknown or ended call, an
     * event its state does not take, a store that failed): audited as what the router was
     * answered, a disconnect with {@code UNANSWERED}, and the problem.
     */
    void recordUnanswered(String callSid, String event, String problem, Instant at) {
        ObjectNode decision = JSON.createObjectNode();
        decision.put("action", "DISCONNECT");
        decision.put("reason", UNANSWERED);
        decision.put("problem", problem);
        jdbc.sql("""
                        INSERT INTO decision_audit (call_sid, event, action, reason, rule_base_version, decision, decided_at)
                        VALUES (?, ?, 'DISCONNECT', ?, '', ?, ?)""")
                .params(callSid, event, UNANSWERED, JSON.writeValueAsString(decision), timestamp(at))
                .update();
    }

    /** The decisions of a call, oldest first. */
    public List<AuditEntry> forCall(String callSid) {
        return jdbc.sql("""
                        SELECT a.*, COALESCE(a.rules_fired, l.rules) AS rules_list FROM decision_audit a
                        LEFT JOIN audit_rule_lists l ON l.digest = a.rules_digest
                        WHERE a.call_sid = ? ORDER BY a.id""")
                .param(callSid)
                .query((rs, n) -> {
                    List<String> rulesFired = JSON.readValue(
                            Optional.ofNullable(rs.getString("rules_list")).orElse("[]"), NAMES);
                    ObjectNode decision = (ObjectNode) JSON.readTree(rs.getString("decision"));
                    decision.set("rules_fired", JSON.valueToTree(rulesFired));
                    return new AuditEntry(
                            rs.getString("call_sid"),
                            rs.getString("event"),
                            rs.getString("action"),
                            rs.getString("reason"),
                            rs.getString("call_flow"),
                            rs.getString("rule_base_version"),
                            rulesFired,
                            decision,
                            instant(rs, "decided_at"));
                })
                .list();
    }

    /**
     * The decision as audited: property values the hierarchy set, with their sources; the flow's
     * own values are those of the flow definition in the rule base named by the version. The list
     * of rules fired is kept apart.
     */
    static Decision compact(Decision d) {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, PropertySource> sources = new LinkedHashMap<>();
        d.propertySources().forEach((key, source) -> {
            if (source.level() != Level.CALL_FLOW) {
                properties.put(key, d.properties().get(key));
                sources.put(key, source);
            }
        });
        return new Decision(
                d.action(),
                d.reason(),
                d.callFlow(),
                d.role(),
                d.meetingRoomSid(),
                d.meetingSid(),
                d.muted(),
                d.attemptsLeft(),
                d.media(),
                properties,
                sources,
                List.of(),
                d.ruleBaseVersion(),
                d.createRoom(),
                d.startMeeting(),
                d.waitSeconds(),
                d.inCallAction(),
                d.stopAfterSeconds());
    }

    private void rememberAfterCommit(String digest) {
        if (storedLists.size() >= KNOWN_LISTS) {
            storedLists.clear();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a rolled-back insert leaves no list behind, so it is only known once committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    storedLists.add(digest);
                }
            });
        } else {
            storedLists.add(digest);
        }
    }

    private static String digest(String rules) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rules.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
