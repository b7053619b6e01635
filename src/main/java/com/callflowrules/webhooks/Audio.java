package com.callflowrules.webhooks;

/** One thing a platform plays to the caller: a recording at a URL, or a text its text-to-speech says. */
sealed interface Audio permits Audio.Recording, Audio.Speech {

    /** A recording, by its absolute URL. */
    record Recording(String url) implements Audio {}

    /** A text said by the platform's text-to-speech in {@code language} (a tag: {@code en-US}). */
    record Speech(String text, String language) implements Audio {}
}
