package com.callflowrules.facts;

/** How a call flow takes a call in, as its definition states it. */
public enum FlowEntry {
    /** Prompt for an access code; the code names the room. */
    PROMPT,
    /** No prompt: every caller of the number joins the number's implicit room. */
    DIRECT,
    /** The flow's own rule file ({@code flows/<behaviour>.drl}) decides everything. */
    RULE_FILE;

    /** The lower-case name used in definitions and JSON: {@code prompt}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
