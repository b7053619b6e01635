package com.callflowrules.session;

import java.util.Optional;

/**
 * A call in a meeting was muted or unmuted, or put on hold or taken off it, by an in-call action,
 * a role change or an operator: published with the change, and delivered once it is stored, for
 * whatever carries the call (a platform's REST API) to do the same.
 *
 * @param callSid        the call
 * @param meetingRoomSid the room whose conference it is in
 * @param muted          whether it is muted now
 * @param onHold         whether it is on hold now
 */
public record CallMediaChanged(String callSid, String meetingRoomSid, boolean muted, boolean onHold) {

    /**
     * The change from {@code before} to {@code after}, if the call was in its meeting, still is, and
     * its mute or hold differs. A call joining gets its mute from the join itself, so it is no change.
     */
    static Optional<CallMediaChanged> between(Call before, Call after) {
        boolean inMeeting = inMeeting(before) && inMeeting(after);
        if (!inMeeting || before.muted() == after.muted() && before.onHold() == after.onHold()) {
            return Optional.empty();
        }
        return Optional.of(
                new CallMediaChanged(after.callSid(), after.meetingRoomSid(), after.muted(), after.onHold()));
    }

    private static boolean inMeeting(Call call) {
        return call.state() == CallStatus.JOINED || call.state() == CallStatus.CHANGING_ROLE;
    }
}
