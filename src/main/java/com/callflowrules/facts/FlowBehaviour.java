package com.callflowrules.facts;

import com.callflowrules.description.Example;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a call flow does, as its definition states it: its {@link FlowEntry entry}, for a
 * prompting flow what an {@link UnknownCode unknown code} does and the role of a room's creator,
 * for a direct flow the role of its callers. A flow with a behaviour of its own names its rule
 * file instead ({@link FlowEntry#RULE_FILE}); the shared rules then leave it alone.
 */
public record FlowBehaviour(
        FlowEntry entry,
        @Nullable UnknownCode unknownCode,
        @Nullable Role creatorRole,
        @Nullable Role directRole,
        @Example("secured") @Nullable String ruleFile) {

    public FlowBehaviour {
        Objects.requireNonNull(entry, "entry");
        boolean shape = switch (entry) {
            case PROMPT ->
                unknownCode != null
                        && (unknownCode == UnknownCode.CREATE_ROOM) == (creatorRole != null)
                        && directRole == null
                        && ruleFile == null;
            case DIRECT -> directRole != null && unknownCode == null && creatorRole == null && ruleFile == null;
            case RULE_FILE -> ruleFile != null && unknownCode == null && creatorRole == null && directRole == null;
        };
        if (!shape) {
            throw new IllegalArgumentException("a " + entry + " behaviour cannot be " + unknownCode + "/" + creatorRole
                    + "/" + directRole + "/" + ruleFile);
        }
    }

    /** Prompts for a code; an unknown one is refused. */
    public static FlowBehaviour promptRefusingUnknownCodes() {
        return new FlowBehaviour(FlowEntry.PROMPT, UnknownCode.REFUSE, null, null, null);
    }

    /** Prompts for a code; an unknown one creates a room whose creator joins as {@code creatorRole}. */
    public static FlowBehaviour promptCreatingRooms(Role creatorRole) {
        return new FlowBehaviour(
                FlowEntry.PROMPT, UnknownCode.CREATE_ROOM, Objects.requireNonNull(creatorRole), null, null);
    }

    /** No prompt; every caller joins the number's room as {@code role}. */
    public static FlowBehaviour direct(Role role) {
        return new FlowBehaviour(FlowEntry.DIRECT, null, null, Objects.requireNonNull(role), null);
    }

    /** The rules of {@code flows/<name>.drl} decide. */
    public static FlowBehaviour ruleFile(String name) {
        return new FlowBehaviour(FlowEntry.RULE_FILE, null, null, null, Objects.requireNonNull(name));
    }

    /** In the definition's own words, for messages: {@code entry prompt, unknown code create_room, creator host}. */
    public String describe() {
        return switch (entry) {
            case PROMPT ->
                "entry prompt, unknown code " + unknownCode.spelling()
                        + (creatorRole == null ? "" : ", creator " + creatorRole.spelling());
            case DIRECT -> "entry direct as " + directRole.spelling();
            case RULE_FILE -> "behaviour " + ruleFile;
        };
    }
}
