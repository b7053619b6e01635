package com.callflowrules.session;

import com.callflowrules.hierarchy.Role;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A live (or ended) call, as stored. */
public record Call(
        String callSid,
        String numberSrc,
        String numberDst,
        String didSid,
        CallStatus state,
        String accessCode,
        Role role,
        int attemptsUsed,
        String meetingRoomSid,
        String meetingSid,
        boolean muted,
        boolean onHold,
        @JsonIgnore Instant waitStartedAt,
        @JsonIgnore Instant waitDeadline,
        String endReason,
        Instant dateCreated,
        Instant dateJoined,
        Instant dateEnded) {

    Call with(CallStatus state) {
        return new Call(callSid, numberSrc, numberDst, didSid, state, accessCode, role, attemptsUsed, meetingRoomSid,
                meetingSid, muted, onHold, waitStartedAt, waitDeadline, endReason, dateCreated, dateJoined, dateEnded);
    }
}
