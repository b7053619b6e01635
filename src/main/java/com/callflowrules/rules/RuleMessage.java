package com.callflowrules.rules;

/**
 * A problem found while building a rule base: the file (relative to the rules directory), the
 * line (0 when it concerns the whole file or base) and the reason.
 */
public record RuleMessage(String file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
