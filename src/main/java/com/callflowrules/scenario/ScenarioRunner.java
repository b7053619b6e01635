package com.callflowrules.scenario;

import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.decision.PropertySource;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Placement;
import com.callflowrules.facts.Properties;
import com.callflowrules.facts.Role;
import com.callflowrules.hierarchy.AccountRepository;
import com.callflowrules.hierarchy.DidGroupRepository;
import com.callflowrules.hierarchy.DidRepository;
import com.callflowrules.hierarchy.HierarchyStore;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.properties.PropertySchema;
import com.callflowrules.session.AuditRepository;
import com.callflowrules.session.Call;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.Meeting;
import com.callflowrules.session.MeetingRepository;
import com.callflowrules.store.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs scenarios through the same code path as the service: the hierarchy is stored, and each
 * step goes through {@link CallControl} (engine and session logic) on a fresh in-memory database
 * with a clock that only the scenario moves.
 */
public final class ScenarioRunner {

    private static final AtomicLong DATABASES = new AtomicLong();
    private static final String CALLER_NUMBER = "15550000000";
    /** How long a step of {@code together} may take before the scenario reports it. */
    private static final int TOGETHER_TIMEOUT_SECONDS = 30;

    private final DecisionEngine engine;

    public ScenarioRunner(DecisionEngine engine) {
        this.engine = engine;
    }

    public ScenarioResult run(Scenario scenario) {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:scenario-" + DATABASES.incrementAndGet()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Migrations.flyway(dataSource).load().migrate();
        try {
            return new Run(scenario, dataSource).steps();
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // the in-memory database is gone either way
            }
        }
    }

    /** One run: the store, the names of what the scenario created, and each caller's call. */
    private final class Run {

        private final Scenario scenario;
        private final ScenarioClock clock = new ScenarioClock();
        private final CallControl control;
        private final CallRepository calls;
        private final MeetingRepository meetings;
        private final Map<String, String> accounts = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();
        private final Map<String, String> roomNames = new HashMap<>();
        private final Map<String, String> roomSids = new HashMap<>();
        private final Map<String, String> didSids = new HashMap<>();
        private final HierarchyStore store;
        private final Map<String, String> callers = new LinkedHashMap<>();
        private MeetingRoomRepository rooms;

        Run(Scenario scenario, DataSource dataSource) {
            this.scenario = scenario;
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            store = HierarchyStore.on(dataSource, clock);
            calls = new CallRepository(jdbc);
            meetings = new MeetingRepository(jdbc);
            control = new CallControl(
                    engine,
                    store.cache(),
                    store.rooms(),
                    calls,
                    meetings,
                    new AuditRepository(jdbc),
                    transactions,
                    clock);
            rooms = store.rooms();
            build(store.accounts(), store.groups(), store.dids(), store.rooms());
        }

        private void build(
                AccountRepository accountRepository,
                DidGroupRepository groupRepository,
                DidRepository didRepository,
                MeetingRoomRepository roomRepository) {
            Scenario.Hierarchy h = scenario.hierarchy();
            for (Scenario.Node node : h.accounts()) {
                accounts.put(
                        required(node, "name"),
                        accountRepository
                                .create(required(node, "name"), flow(node), properties(node))
                                .accountSid());
            }
            for (Scenario.Node node : h.didGroups()) {
                groups.put(
                        required(node, "name"),
                        groupRepository
                                .create(account(node), required(node, "name"), flow(node), properties(node))
                                .didGroupSid());
            }
            for (Scenario.Node node : h.dids()) {
                String number = required(node, "number");
                String didSid = didRepository
                        .create(account(node), number, group(node), flow(node), properties(node))
                        .didSid();
                roomNames.put(Placement.implicitRoomSid(didSid), "direct:" + number);
                didSids.put(number, didSid);
            }
            for (Scenario.Node node : h.rooms()) {
                List<AccessCode> codes = new ArrayList<>();
                node.map("access_codes")
                        .forEach((code, role) -> codes.add(new AccessCode(code, Role.fromJsonName(role.toString()))));
                String sid = roomRepository
                        .create(account(node), required(node, "name"), group(node), codes, properties(node), false)
                        .meetingRoomSid();
                roomNames.put(sid, required(node, "name"));
                roomSids.put(required(node, "name"), sid);
            }
        }

        ScenarioResult steps() {
            List<ScenarioResult.StepResult> results = new ArrayList<>();
            Set<String> names = scenario.steps().stream()
                    .flatMap(step ->
                            java.util.stream.Stream.concat(java.util.stream.Stream.of(step), step.together().stream()))
                    .map(Scenario.Step::caller)
                    .filter(Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            for (Scenario.Step step : scenario.steps()) {
                Map<String, String> observed = new LinkedHashMap<>();
                try {
                    Optional<Decision> decision = apply(step);
                    decision.ifPresent(d -> observe(d, observed));
                    observeCalls(step.caller(), observed);
                } catch (RuntimeException e) {
                    observed.put("error", e.getMessage());
                }
                results.add(new ScenarioResult.StepResult(
                        step, observed, Expectations.compare(step.expect(), observed, names)));
            }
            return new ScenarioResult(scenario, results);
        }

        private Optional<Decision> apply(Scenario.Step step) {
            String callSid;
            synchronized (callers) {
                callSid = callers.get(step.caller());
            }
            if (step.caller() != null && !step.event().equals("arrives") && callSid == null) {
                throw new ScenarioException(
                        scenario.file() + ":" + step.line() + ": " + step.caller() + " has not called yet");
            }
            return switch (step.event()) {
                case "arrives" -> {
                    CallControl.Outcome outcome = control.arrive(step.value(), CALLER_NUMBER);
                    synchronized (callers) {
                        callers.put(step.caller(), outcome.call().callSid());
                    }
                    yield Optional.of(outcome.decision());
                }
                case "enters" ->
                    Optional.of(control.enterCode(callSid, step.value()).decision());
                case "presses" ->
                    Optional.of(control.pressed(callSid, step.value()).decision());
                case "hangs_up" -> Optional.of(control.hangUp(callSid).decision());
                case "change" -> {
                    change(step);
                    yield Optional.empty();
                }
                case "together" -> {
                    together(step.together());
                    yield Optional.empty();
                }
                default -> {
                    clock.advance(java.time.Duration.ofSeconds(Long.parseLong(step.value())));
                    control.fireDueTimers();
                    yield Optional.empty();
                }
            };
        }

        private void observe(Decision d, Map<String, String> observed) {
            observed.put("action", d.action().name());
            observed.put("reason", d.reason() == null ? null : d.reason().name());
            observed.put("call_flow", d.callFlow() == null ? null : d.callFlow().name());
            observed.put(
                    "call_flow_source",
                    d.callFlow() == null ? null : d.callFlow().source().jsonName());
            observed.put("role", d.role() == null ? null : d.role().jsonName());
            observed.put("meeting_room", room(d.meetingRoomSid()));
            observed.put("muted", Objects.toString(d.muted(), null));
            observed.put("attempts_left", Objects.toString(d.attemptsLeft(), null));
            observed.put(
                    "create_room",
                    d.createRoom() == null ? null : d.createRoom().accessCode());
            observed.put("start_meeting", String.valueOf(d.startMeeting()));
            observed.put("wait_seconds", Objects.toString(d.waitSeconds(), null));
            observed.put("in_call_action", d.inCallAction());
            observed.put("stop_after_seconds", Objects.toString(d.stopAfterSeconds(), null));
            observed.put(
                    "media",
                    d.media().stream()
                            .map(m -> m.type() + (m.prompt() == null ? "" : ":" + m.prompt()))
                            .toList()
                            .toString());
            observed.put(
                    "media_details",
                    d.media().stream().map(ScenarioRunner::details).toList().toString());
            d.properties().forEach((key, value) -> observed.put("properties." + key, value));
            d.propertySources().forEach((key, source) -> observed.put("property_sources." + key, level(source)));
        }

        /** Every caller's call, and the meeting of this step's caller. */
        private void observeCalls(String caller, Map<String, String> observed) {
            callers.forEach((name, sid) -> calls.find(sid).ifPresent(call -> {
                String prefix = "calls." + name + ".";
                observed.put(prefix + "state", call.state().dbName());
                observed.put(
                        prefix + "role",
                        call.role() == null ? null : call.role().jsonName());
                observed.put(prefix + "muted", String.valueOf(call.muted()));
                observed.put(prefix + "on_hold", String.valueOf(call.onHold()));
                observed.put(prefix + "end_reason", call.endReason());
                observed.put(prefix + "meeting_room", room(call.meetingRoomSid()));
                if (name.equals(caller)) {
                    observed.put("call.state", call.state().dbName());
                    observed.put(
                            "call.role",
                            call.role() == null ? null : call.role().jsonName());
                    observed.put("call.muted", String.valueOf(call.muted()));
                    observed.put("call.end_reason", call.endReason());
                    observed.put("call.on_hold", String.valueOf(call.onHold()));
                    observed.put("call.attempts_used", String.valueOf(call.attemptsUsed()));
                    observed.put("call.role_changes_refused", String.valueOf(call.roleChangesRefused()));
                    observeMeeting(call, observed);
                }
            }));
        }

        private void observeMeeting(Call call, Map<String, String> observed) {
            Optional<Meeting> meeting = call.meetingSid() == null ? Optional.empty() : meetings.find(call.meetingSid());
            observed.put("meeting.running", String.valueOf(meeting.isPresent()));
            meeting.ifPresent(m -> {
                observed.put("meeting.locked", String.valueOf(m.locked()));
                observed.put("meeting.participant_muted", m.participantMuted());
                observed.put("meeting.on_hold", m.onHold());
                observed.put("meeting.recording", String.valueOf(m.recording()));
                observed.put(
                        "meeting.attendees.hosts", String.valueOf(m.attendees().hosts()));
                observed.put(
                        "meeting.attendees.participants",
                        String.valueOf(m.attendees().participants()));
                observed.put(
                        "meeting.attendees.listeners",
                        String.valueOf(m.attendees().listeners()));
            });
        }

        /**
         * A room as the scenario names it: a room of the hierarchy by its name, a room made on the fly
         * as {@code ad_hoc:<its code>}, a direct flow's room as {@code direct:<the DID's number>}.
         */
        private String room(String sid) {
            if (sid == null) {
                return null;
            }
            String named = roomNames.get(sid);
            if (named != null) {
                return named;
            }
            return rooms.find(sid)
                    .filter(MeetingRoom::adHoc)
                    .filter(room -> !room.accessCodes().isEmpty())
                    .map(room -> "ad_hoc:" + room.accessCodes().get(0).accessCode())
                    .orElse("other");
        }

        private String level(PropertySource source) {
            return source.level().jsonName();
        }

        /**
         * Runs {@code parts} at one moment: each on a thread of its own, released together by a
         * barrier. Every part's failure is reported; none is left running.
         */
        private void together(List<Scenario.Step> parts) {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(parts.size());
            java.util.concurrent.ExecutorService threads =
                    java.util.concurrent.Executors.newFixedThreadPool(parts.size());
            try {
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (Scenario.Step part : parts) {
                    running.add(threads.submit(() -> {
                        start.await(TOGETHER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
                        return apply(part);
                    }));
                }
                List<String> failures = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    try {
                        running.get(i).get(TOGETHER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(parts.get(i).caller() + ": " + e.getCause().getMessage());
                    } catch (java.util.concurrent.TimeoutException e) {
                        failures.add(parts.get(i).caller() + ": no answer within " + TOGETHER_TIMEOUT_SECONDS + " s");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failures.add(parts.get(i).caller() + ": interrupted");
                    }
                }
                if (!failures.isEmpty()) {
                    throw new ScenarioException(String.join("; ", failures));
                }
            } finally {
                threads.shutdownNow();
            }
        }

        /**
         * Sets {@code call_flow} and/or {@code properties} (a merge: {@code null} removes a key) on
         * the one object the step names, through the store as an admin PATCH would.
         */
        @SuppressWarnings("unchecked")
        private void change(Scenario.Step step) {
            Map<String, Object> change = step.change();
            boolean setsFlow = change.containsKey("call_flow");
            String flowSid = setsFlow && !isNull(change.get("call_flow"))
                    ? flowByName(step, (String) change.get("call_flow"))
                    : null;
            Map<String, Object> patch = (Map<String, Object>) change.getOrDefault("properties", Map.of());
            String where = scenario.file() + ":" + step.line() + ": ";
            if (change.containsKey("account")) {
                Account a = store.accounts()
                        .find(sid(accounts, change.get("account"), where, "account"))
                        .orElseThrow();
                store.accounts()
                        .update(new Account(
                                a.accountSid(),
                                a.name(),
                                setsFlow ? flowSid : a.callFlowSid(),
                                merged(a.properties(), patch),
                                a.dateCreated()));
            } else if (change.containsKey("did_group")) {
                DidGroup g = store.groups()
                        .find(sid(groups, change.get("did_group"), where, "DID group"))
                        .orElseThrow();
                store.groups()
                        .update(new DidGroup(
                                g.didGroupSid(),
                                g.accountSid(),
                                g.name(),
                                setsFlow ? flowSid : g.callFlowSid(),
                                merged(g.properties(), patch),
                                g.dateCreated()));
            } else if (change.containsKey("did")) {
                Did d = store.dids()
                        .find(sid(didSids, change.get("did"), where, "DID"))
                        .orElseThrow();
                store.dids()
                        .update(new Did(
                                d.didSid(),
                                d.accountSid(),
                                d.phonenumber(),
                                d.didGroupSid(),
                                setsFlow ? flowSid : d.callFlowSid(),
                                merged(d.properties(), patch),
                                d.dateCreated()));
            } else {
                if (setsFlow) {
                    throw new ScenarioException(where + "a meeting room names no call flow");
                }
                MeetingRoom r = store.rooms()
                        .find(sid(roomSids, change.get("room"), where, "room"))
                        .orElseThrow();
                store.rooms()
                        .update(new MeetingRoom(
                                r.meetingRoomSid(),
                                r.accountSid(),
                                r.name(),
                                r.didGroupSid(),
                                r.accessCodes(),
                                merged(r.properties(), patch),
                                r.adHoc(),
                                r.dateCreated()));
            }
        }

        private String sid(Map<String, String> byName, Object name, String where, String what) {
            String sid = byName.get(String.valueOf(name));
            if (sid == null) {
                throw new ScenarioException(where + "no " + what + " '" + name + "' in the scenario's hierarchy");
            }
            return sid;
        }

        private String flowByName(Scenario.Step step, String name) {
            return name == null
                    ? null
                    : engine.callFlow(name)
                            .map(CallFlow::callFlowSid)
                            .orElseThrow(() -> new ScenarioException(scenario.file() + ":" + step.line()
                                    + ": no call flow '" + name + "' in the rule base"));
        }

        /** Scenario YAML keeps scalars as written: {@code null} and {@code ~} are the text that means none. */
        private static boolean isNull(Object value) {
            return value == null || "null".equals(value) || "~".equals(value);
        }

        private static Map<String, String> merged(Map<String, String> current, Map<String, Object> patch) {
            Map<String, String> values = new LinkedHashMap<>();
            patch.forEach((key, value) -> values.put(key, isNull(value) ? null : String.valueOf(value)));
            Map<String, String> next = Properties.mergePatch(current, values);
            PropertySchema.standard().validate(next);
            PropertySchema.requireDistinctBindings(next);
            return next;
        }

        private String flow(Scenario.Node node) {
            String name = node.text("call_flow");
            if (name == null) {
                return null;
            }
            return engine.callFlow(name)
                    .map(CallFlow::callFlowSid)
                    .orElseThrow(() -> new ScenarioException(
                            scenario.file() + ":" + node.line() + ": no call flow '" + name + "' in the rule base"));
        }

        private String account(Scenario.Node node) {
            String name = required(node, "account");
            String sid = accounts.get(name);
            if (sid == null) {
                throw new ScenarioException(scenario.file() + ":" + node.line() + ": no account named '" + name + "'");
            }
            return sid;
        }

        private String group(Scenario.Node node) {
            String name = node.text("did_group");
            if (name == null) {
                return null;
            }
            String sid = groups.get(name);
            if (sid == null) {
                throw new ScenarioException(
                        scenario.file() + ":" + node.line() + ": no DID group named '" + name + "'");
            }
            return sid;
        }

        private Map<String, String> properties(Scenario.Node node) {
            Map<String, String> properties = new LinkedHashMap<>();
            node.map("properties").forEach((key, value) -> properties.put(key, value.toString()));
            return properties;
        }

        private String required(Scenario.Node node, String field) {
            String value = node.text(field);
            if (value == null) {
                throw new ScenarioException(scenario.file() + ":" + node.line() + ": '" + field + "' is required");
            }
            return value;
        }
    }

    /** Every field of a media step, for {@code media_details}: {@code play:welcome:en_US}, {@code collect_digits:5s}. */
    private static String details(com.callflowrules.facts.MediaStep step) {
        StringBuilder text = new StringBuilder(step.type());
        if (step.prompt() != null) {
            text.append(':').append(step.prompt());
        }
        if (step.language() != null) {
            text.append(':').append(step.language());
        }
        if (step.seconds() != null) {
            text.append(':').append(step.seconds()).append('s');
        }
        if (step.count() != null) {
            text.append(':').append(step.count());
        }
        return text.toString();
    }
}
