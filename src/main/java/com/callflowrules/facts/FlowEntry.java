package com.callflowrules.facts;

/** How a call flow takes a call in, as its definition states it. */
public enum FlowEntry implements Spelled {
    /** Prompt for an access code; the code names the room. */
    PROMPT,
    /** No prompt: every caller of the number joins the number's implicit room. */
    DIRECT,
    /** The flow's own rule file ({@code flows/<behaviour>.drl}) decides everything. */
    RULE_FILE;
}
