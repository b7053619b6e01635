package com.callflowrules.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Role;
import com.callflowrules.hierarchy.HierarchyStore;
import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.support.Databases;
import com.callflowrules.support.ShippedRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements each event of a call story issues, counted at the JDBC driver (every
 * statement, whatever code issued it), with the hierarchy cache warm as in the running service.
 * The counts are the documented minimum (docs/benchmarks.md): a change that adds a statement to
 * the hot path fails here and has to say why.
 */
class StatementsPerEventTest {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final ScenarioClock clock = new ScenarioClock(Instant.parse("2026-12-01T09:00:00Z"));
    private CallControl control;
    private String number;

    @BeforeEach
    void setUp() {
        DataSource counted = ProxyDataSourceBuilder.create(Databases.h2())
                .listener(new QueryExecutionListener() {
                    @Override
                    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

                    @Override
                    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                        queryInfoList.forEach(query -> statements.add(
                                query.getQuery().replaceAll("\\s+", " ").trim()));
                    }
                })
                .build();
        JdbcClient jdbc = JdbcClient.create(counted);
        HierarchyStore store = HierarchyStore.on(counted, clock);
        control = new CallControl(
                ShippedRules.engine(),
                store.cache(),
                store.rooms(),
                new CallRepository(jdbc),
                new MeetingRepository(jdbc),
                new AuditRepository(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(counted)),
                clock,
                event -> {});
        Account account = store.accounts().create("Acme", CallFlow.sidFor("secured"), Map.of());
        number = "15550001234";
        store.dids().create(account.accountSid(), number, null, CallFlow.sidFor("secured"), Map.of());
        for (int room = 0; room < 3; room++) {
            store.rooms()
                    .create(
                            account.accountSid(),
                            "R" + room,
                            null,
                            List.of(new AccessCode("40" + room, Role.PARTICIPANT)),
                            Map.of(),
                            false);
        }
        // warms the hierarchy cache and stores the lists of rules fired; the meeting it started ends
        story("401");
        clock.advance(java.time.Duration.ofHours(1));
        control.fireDueTimers();
    }

    private List<List<String>> story(String code) {
        statements.clear();
        String call = control.arrive(number, "1").call().callSid();
        List<String> arrival = List.copyOf(statements);
        statements.clear();
        control.enterCode(call, code);
        List<String> codeEntry = List.copyOf(statements);
        statements.clear();
        control.hangUp(call);
        List<String> hangUp = List.copyOf(statements);
        return List.of(arrival, codeEntry, hangUp);
    }

    @Test
    void aCallStoryIssuesTheMinimumStatementsForEachEvent() {
        List<List<String>> story = story("401");

        // every event first checks the hierarchy version (another node may have changed the hierarchy)
        assertThat(story)
                .allSatisfy(event -> assertThat(event)
                        .filteredOn(sql -> sql.contains("FROM hierarchy_version"))
                        .hasSize(1));
        // arrival: whether the implicit room has a meeting (a direct flow joins it; none here, so
        // nothing to lock), the audit row, the call (written once)
        assertThat(story.get(0))
                .as("arrival")
                .hasSize(4)
                .anySatisfy(sql -> assertThat(sql).startsWith("SELECT COUNT(*) FROM meetings"))
                .noneSatisfy(sql -> assertThat(sql).contains("FOR UPDATE"))
                .anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO calls"))
                .anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO decision_audit"))
                .noneSatisfy(sql -> assertThat(sql).startsWith("UPDATE calls"));
        // code entry that starts a meeting: lock the call, the version, lock the room, its meeting (none yet),
        // the audit row, start the meeting, store the call, look for callers waiting to be admitted
        assertThat(story.get(1))
                .as("code entry")
                .hasSize(8)
                .anySatisfy(sql -> assertThat(sql).startsWith("SELECT * FROM calls WHERE call_sid = ? FOR UPDATE"))
                .anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO meetings"));
        // hang-up: lock the call, the version, lock its meeting, read its attendees (aggregates cannot be locked),
        // the audit row, set the stop timer, store the call
        assertThat(story.get(2))
                .as("hang-up")
                .hasSize(7)
                .anySatisfy(sql -> assertThat(sql).startsWith("UPDATE meetings SET stop_due_at"))
                .noneSatisfy(sql -> assertThat(sql).startsWith("SELECT * FROM meeting_rooms"));
    }
}
