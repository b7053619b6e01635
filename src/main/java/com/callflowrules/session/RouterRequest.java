package com.callflowrules.session;

import java.util.function.Function;

/**
 * A call router's request that carries out one event: {@code key} names it among the call's
 * requests (a webhook's step, a platform's idempotency token; at most 160 characters), and
 * {@code answer} is what the router is answered for the outcome, kept with the event.
 */
public record RouterRequest(String key, Function<CallControl.Outcome, String> answer) {}
