package com.callflowrules.webhooks;

import com.callflowrules.facts.Action;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts the platforms' text-to-speech says when no media is configured: the bundle
 * {@code prompts/prompts*.properties}, one file per language, chosen by a prompt's language
 * ({@code did_language}, {@code de_DE}). A name is looked up as {@code <action>.<name>} first (the
 * media name {@code default} is the number's greeting at a prompt and the welcome at a join), then
 * as {@code <name>}, then as the {@code default} of the decision, so a caller always hears what to
 * do, even for a media name recorded for an account that no catalogue file has. The texts are
 * listed in docs/call-routers.md.
 */
final class PromptCatalogue {

    private static final String BUNDLE = "prompts.prompts";
    /** Falls back to the base file, never to the JVM's own locale. */
    private static final ResourceBundle.Control NO_JVM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The text of {@code prompt} in {@code language}, as played in the answer to {@code action}. */
    String text(String prompt, String language, Action action) {
        ResourceBundle texts = bundle(language);
        String context = action.name().toLowerCase(Locale.ROOT);
        for (String key : new String[] {context + "." + prompt, prompt, context + ".default", "default"}) {
            if (texts.containsKey(key)) {
                return texts.getString(key);
            }
        }
        throw new MissingResourceException("the prompt catalogue has no default text", BUNDLE, "default");
    }

    /** The attendee count, said as a sentence. */
    String count(int attendees, String language) {
        Locale locale = locale(language);
        return new MessageFormat(bundle(language).getString("count"), locale).format(new Object[] {attendees});
    }

    /** The apology of a webhook that could not decide. */
    String unavailable(String language) {
        return bundle(language).getString("unavailable");
    }

    /** A prompt language ({@code en_US}) as the platforms name it ({@code en-US}). */
    static String languageTag(String language) {
        return locale(language).toLanguageTag();
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(BUNDLE, locale(language), NO_JVM_LOCALE);
    }

    private static Locale locale(String language) {
        if (language == null || language.isBlank()) {
            return Locale.US;
        }
        Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
        return locale.getLanguage().isEmpty() ? Locale.US : locale;
    }
}
