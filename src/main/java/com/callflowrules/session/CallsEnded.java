package com.callflowrules.session;

import java.util.List;

/**
 * Calls the service ended on its own, not on a caller's event: a waiting caller's start-wait ran
 * out, or a meeting's stop grace time did. Published after the change is stored, for whatever
 * carries the call (a platform's REST API) to be told.
 *
 * @param callSids the calls ended
 * @param reason   why, as the calls' {@code end_reason}
 */
public record CallsEnded(List<String> callSids, String reason) {

    public CallsEnded {
        callSids = List.copyOf(callSids);
    }
}
