package com.callflowrules.scenario;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Properties;
import com.callflowrules.hierarchy.HierarchyStore;
import com.callflowrules.properties.PropertySchema;
import com.callflowrules.scenario.ScenarioHierarchy.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's {@code change} steps: an admin's edit of one node of its hierarchy in the middle
 * of the story, written through the store as a PATCH would be, so the calls that follow decide on
 * the changed hierarchy.
 */
final class ScenarioChange {

    private final Scenario scenario;
    private final DecisionEngine engine;
    private final HierarchyStore store;
    private final ScenarioHierarchy names;

    ScenarioChange(Scenario scenario, DecisionEngine engine, HierarchyStore store, ScenarioHierarchy names) {
        this.scenario = scenario;
        this.engine = engine;
        this.store = store;
        this.names = names;
    }

    /**
     * Sets {@code call_flow} and/or {@code properties} (a merge: {@code null} removes a key) on
     * the one object the step names, through the store as an admin PATCH would.
     */
    @SuppressWarnings("unchecked")
    void apply(Scenario.Step step) {
        Map<String, Object> change = step.change();
        boolean setsFlow = change.containsKey("call_flow");
        String flowSid = setsFlow && !isNull(change.get("call_flow"))
                ? flowByName(step, (String) change.get("call_flow"))
                : null;
        Map<String, Object> patch = (Map<String, Object>) change.getOrDefault("properties", Map.of());
        String where = scenario.file() + ":" + step.line() + ": ";
        if (change.containsKey("account")) {
            Account a = store.accounts()
                    .find(sid(Kind.ACCOUNT, change.get("account"), where))
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
                    .find(sid(Kind.DID_GROUP, change.get("did_group"), where))
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
            Did d = store.dids().find(sid(Kind.DID, change.get("did"), where)).orElseThrow();
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
                    .find(sid(Kind.ROOM, change.get("room"), where))
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

    private String sid(Kind kind, Object name, String where) {
        String sid = names.sid(kind, name);
        if (sid == null) {
            throw new ScenarioException(where + "no " + kind.noun + " '" + name + "' in the scenario's hierarchy");
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
        com.callflowrules.properties.DistinctBindings.require(next);
        return next;
    }
}
