package com.callflowrules.facts;

/** The call flow routing chose, with the level and object that named it. */
public record SelectedFlow(CallFlow flow, Level level, String sourceSid) {

    /** The rule file of a flow with a behaviour of its own ({@code flows/<behaviour>.drl}); null otherwise. */
    public String behaviour() {
        return flow.behaviour().ruleFile();
    }

    public FlowEntry entry() {
        return flow.behaviour().entry();
    }

    /** What a prompting flow does with a code no room owns; null for other flows. */
    public UnknownCode unknownCode() {
        return flow.behaviour().unknownCode();
    }

    /** The role of the caller whose code creates a room; null unless the flow creates rooms. */
    public Role creatorRole() {
        return flow.behaviour().creatorRole();
    }

    /** The role of every caller of a direct flow; null for other flows. */
    public Role directRole() {
        return flow.behaviour().directRole();
    }

    public String callFlowSid() {
        return flow.callFlowSid();
    }
}
