package com.callflowrules.webhooks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' beans: Twilio's and jambonz's REST APIs, each once its account is configured. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("callflow.webhooks.twilio-account-sid")
    TwilioCalls twilioCalls(WebhookProperties properties) {
        return new TwilioRestCalls(properties.twilioAccountSid(), properties.twilioAuthToken());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty({
        "callflow.webhooks.jambonz-api-url",
        "callflow.webhooks.jambonz-account-sid",
        "callflow.webhooks.jambonz-api-key"
    })
    JambonzCalls jambonzCalls(WebhookProperties properties) {
        return new JambonzRestCalls(
                properties.jambonzApiUrl(), properties.jambonzAccountSid(), properties.jambonzApiKey());
    }
}
