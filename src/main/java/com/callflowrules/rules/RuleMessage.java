package com.callflowrules.rules;

import com.callflowrules.description.Example;

/**
 * A problem found while building a rule base: the file (relative to the rules directory), the
 * line (0 when it concerns the whole file or base) and the reason.
 */
public record RuleMessage(
        @Example("flows/secured.drl") String file,
        @Example("12") int line,
        @Example("unable to resolve the type Foo") String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
