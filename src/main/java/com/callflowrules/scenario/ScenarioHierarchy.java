package com.callflowrules.scenario;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Placement;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.Spelled;
import com.callflowrules.hierarchy.AccountRepository;
import com.callflowrules.hierarchy.DidGroupRepository;
import com.callflowrules.hierarchy.DidRepository;
import com.callflowrules.hierarchy.HierarchyStore;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's hierarchy in the store: created from its {@code hierarchy} section, and the names
 * it gives what it created (its {@code change} steps find them here, {@link ScenarioChange}) (a room
 * by its name, {@code ad_hoc:<code>}, {@code direct:<number>}).
 */
final class ScenarioHierarchy {

    private final Scenario scenario;
    private final DecisionEngine engine;
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> roomNames = new HashMap<>();
    private final Map<String, String> roomSids = new HashMap<>();
    private final Map<String, String> didSids = new HashMap<>();
    private final MeetingRoomRepository rooms;

    ScenarioHierarchy(Scenario scenario, DecisionEngine engine, HierarchyStore store) {
        this.scenario = scenario;
        this.engine = engine;
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
                    .forEach((code, role) ->
                            codes.add(new AccessCode(code, Spelled.parse(Role.class, role.toString()))));
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

    /** The sid of what the scenario's hierarchy names {@code name}, of the kind {@code kind}; {@code null} when none. */
    String sid(Kind kind, Object name) {
        Map<String, String> byName = switch (kind) {
            case ACCOUNT -> accounts;
            case DID_GROUP -> groups;
            case DID -> didSids;
            case ROOM -> roomSids;
        };
        return byName.get(String.valueOf(name));
    }

    /** The kinds of node a scenario names. */
    enum Kind {
        ACCOUNT("account"),
        DID_GROUP("DID group"),
        DID("DID"),
        ROOM("room");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }
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
