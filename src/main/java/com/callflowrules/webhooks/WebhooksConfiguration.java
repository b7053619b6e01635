package com.callflowrules.webhooks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' beans: Twilio's REST API once an account is configured. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("callflow.webhooks.twilio-account-sid")
    TwilioCalls twilioCalls(WebhookProperties properties) {
        return new TwilioRestCalls(properties.twilioAccountSid(), properties.twilioAuthToken());
    }
}
