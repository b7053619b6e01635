package com.callflowrules.cli;

/** A command that cannot be carried out as asked; its message is the one line the user sees (exit code 2). */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
