package com.callflowrules.webhooks;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callflow.webhooks.*}: how the answers to the platforms' webhooks are made.
 *
 * @param twilioAuthToken the Twilio (or compatible) account's auth token: when set, every webhook must carry a valid
 *                  {@code X-Twilio-Signature} and unsigned or wrongly signed ones are refused
 * @param twilioAccountSid the account whose REST API ends calls a timer ended (unset: the platform is not told)
 * @param jambonzApiUrl the base URL of the jambonz REST API (for example {@code https://jambonz.cloud/api}) that ends
 *                  calls a timer ended; with the account sid and API key (unset: jambonz is not told)
 * @param jambonzAccountSid the jambonz account whose calls the REST API ends
 * @param jambonzApiKey the API key of that account, sent as a bearer token
 * @param mediaUrl  how a prompt becomes a {@code <Play>} URL: {@code {language}} and {@code {prompt}}
 *                  are replaced
 * @param musicUrl  the conference {@code waitUrl} for music on hold: {@code {music}} is replaced
 */
@ConfigurationProperties("callflow.webhooks")
public record WebhookProperties(
        @Nullable String twilioAuthToken,
        @Nullable String twilioAccountSid,
        @Nullable String jambonzApiUrl,
        @Nullable String jambonzAccountSid,
        @Nullable String jambonzApiKey,
        @DefaultValue("/media/{language}/{prompt}.wav") String mediaUrl,
        @DefaultValue("/media/music/{music}.mp3") String musicUrl) {

    String prompt(String language, String prompt) {
        return mediaUrl.replace("{language}", language == null ? "" : language).replace("{prompt}", prompt);
    }

    String music(String music) {
        return musicUrl.replace("{music}", music);
    }
}
