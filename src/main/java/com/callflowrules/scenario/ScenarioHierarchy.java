package com.callflowrules.scenario;

import com.callflowrules.decision.DecisionEngine;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's hierarchy in the store: created from its {@code hierarchy} section, changed by its
 * {@code change} steps as an admin PATCH would, and the names it gives what it created (a room
 * by its name, {@code ad_hoc:<code>}, {@code direct:<number>}).
 */
final class ScenarioHierarchy {

    private final Scenario scenario;
    private final DecisionEngine engine;
    private final HierarchyStore store;
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> roomNames = new HashMap<>();
    private final Map<String, String> roomSids = new HashMap<>();
    private final Map<String, String> didSids = new HashMap<>();
    private final MeetingRoomRepository rooms;

    ScenarioHierarchy(Scenario scenario, DecisionEngine engine, HierarchyStore store) {
        this.scenario = scenario;
        this.engine = engine;
        this.store = store;
        this.rooms = store.rooms();
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

    /**
     * A room as the scenario names it: a room of the hierarchy by its name, a room made on the fly
     * as {@code ad_hoc:<its code>}, a direct flow's room as {@code direct:<the DID's number>}.
     */
    String room(String sid) {
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

    /**
     * Sets {@code call_flow} and/or {@code properties} (a merge: {@code null} removes a key) on
     * the one object the step names, through the store as an admin PATCH would.
     */
    @SuppressWarnings("unchecked")
    void change(Scenario.Step step) {
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
            throw new ScenarioException(scenario.file() + ":" + node.line() + ": no DID group named '" + name + "'");
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
