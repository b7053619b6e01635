package com.callflowrules.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule base was refused; carries every message found, each with file, line and reason. */
public class RuleBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<RuleMessage> messages;

    public RuleBaseException(List<RuleMessage> messages) {
        super("rule base refused with " + messages.size() + " message(s):\n  "
                + messages.stream().map(RuleMessage::toString).collect(Collectors.joining("\n  ")));
        this.messages = List.copyOf(messages);
    }

    public List<RuleMessage> messages() {
        return messages;
    }
}
