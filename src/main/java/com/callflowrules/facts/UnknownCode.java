package com.callflowrules.facts;

/** What a prompting flow does with a well-formed code no room owns. */
public enum UnknownCode implements Spelled {
    /** A wrong attempt: re-prompt, then disconnect after the last try. */
    REFUSE,
    /** Create a meeting room with that code on the fly and place the caller in it. */
    CREATE_ROOM;
}
