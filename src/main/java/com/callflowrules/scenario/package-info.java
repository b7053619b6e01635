/**
 * Rule regression scenarios: YAML files under {@code rules/scenarios/<topic>/} that state a
 * hierarchy and the steps of calls, each with the decision expected. The runner drives the same
 * code path as the service (engine and session logic) on a fresh embedded database.
 */
package com.callflowrules.scenario;
