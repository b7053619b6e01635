package com.callflowrules.webhooks;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callflow.webhooks.*}: how the platforms' webhooks are checked and answered.
 *
 * @param twilioAuthToken the Twilio (or compatible) account's auth token: when set, every TwiML webhook must carry an
 *                  {@code X-Twilio-Signature} Twilio's validator accepts; unsigned or wrongly signed ones are refused
 * @param twilioAccountSid the account whose REST API ends calls a timer ended (unset: the platform is not told)
 * @param jambonzWebhookSecret the jambonz account's webhook secret: when set, every jambonz webhook must carry a
 *                  {@code Jambonz-Signature} made with it, at most five minutes old
 * @param jambonzApiUrl the base URL of the jambonz REST API (for example {@code https://jambonz.cloud/api}) that ends
 *                  calls a timer ended; with the account sid and API key (unset: jambonz is not told)
 * @param jambonzAccountSid the jambonz account whose calls the REST API ends
 * @param jambonzApiKey the API key of that account, sent as a bearer token
 * @param jambonzSpeechVendor the text-to-speech vendor jambonz says prompts with ({@code google}, {@code aws}, ...),
 *                  in the prompt's language; unset: the application's own vendor and language (jambonz's schema
 *                  wants a vendor wherever a language is named)
 * @param mediaUrl  an absolute URL template of the recorded prompts and attendee counts ({@code {language}} and
 *                  {@code {prompt}} replaced, e.g. {@code https://media.example.com/{language}/{prompt}.wav});
 *                  unset: the platform's text-to-speech says them from the prompt catalogue
 * @param musicUrl  an absolute URL template of the music on hold ({@code {music}} replaced), played in a loop;
 *                  unset: the platform's own hold music
 */
@ConfigurationProperties("callflow.webhooks")
public record WebhookProperties(
        @Nullable String twilioAuthToken,
        @Nullable String twilioAccountSid,
        @Nullable String jambonzWebhookSecret,
        @Nullable String jambonzApiUrl,
        @Nullable String jambonzAccountSid,
        @Nullable String jambonzApiKey,
        @Nullable String jambonzSpeechVendor,
        @Nullable String mediaUrl,
        @Nullable String musicUrl) {

    /** Refuses, at start, a media URL the platforms could not fetch: they resolve no relative media URL. */
    public WebhookProperties {
        mediaUrl = absolute("callflow.webhooks.media-url", mediaUrl);
        musicUrl = absolute("callflow.webhooks.music-url", musicUrl);
    }

    private static @Nullable String absolute(String name, @Nullable String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(template.replaceAll("\\{[a-z]+}", "x"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is no URL: " + template, e);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    name + " must be an absolute http(s) URL the platform can fetch, not " + template);
        }
        return template;
    }

    /** Whether prompts are recordings (a media URL is configured) rather than speech. */
    boolean recordings() {
        return mediaUrl != null;
    }

    static boolean configured(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    String prompt(String language, String prompt) {
        return mediaUrl.replace("{language}", language == null ? "" : language).replace("{prompt}", prompt);
    }

    /** The music's URL, or null for the platform's own. */
    @Nullable
    String music(String music) {
        return musicUrl == null ? null : musicUrl.replace("{music}", music);
    }
}
