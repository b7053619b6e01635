package com.callflowrules.facts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The room a call goes to (or is in) and the caller's role there. {@code meetingRoomSid} is
 * {@code null} for a room still to be created on the fly.
 */
public record Placement(String meetingRoomSid, Role role) {

    /** A room still to be created on the fly (its {@link CreateRoom} says how), with the caller in it as {@code role}. */
    public static Placement roomToBeCreated(Role role) {
        return new Placement(null, role);
    }

    /** Whether the room is still to be created on the fly. */
    public boolean toBeCreated() {
        return meetingRoomSid == null;
    }

    /** The implicit room of a direct flow: one per DID, its sid derived from the DID's. */
    public static Placement implicitRoom(Did did, Role role) {
        return new Placement(implicitRoomSid(did.didSid()), role);
    }

    public static String implicitRoomSid(String didSid) {
        return UUID.nameUUIDFromBytes(("implicit-room:" + didSid).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
