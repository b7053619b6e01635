package com.callflowrules.api.configuration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callflow.default-call-flow}: the flow (a name or sid of the rule base) of an account
 * created without {@code call_flow_sid}.
 *
 * @param defaultCallFlow the flow of an account created without one
 */
@ConfigurationProperties("callflow")
record AccountDefaultsProperties(String defaultCallFlow) {}
