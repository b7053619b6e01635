package com.callflowrules.session;

import com.callflowrules.facts.Role;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A live (or ended) call, as stored. {@code attemptsUsed} counts wrong access-code entries at the
 * prompt, {@code roleChangesRefused} wrong entries after the role-change binding.
 */
public record Call(
        String callSid,
        String numberSrc,
        String numberDst,
        @Nullable String didSid,
        CallStatus state,
        @Nullable String accessCode,
        @Nullable Role role,
        int attemptsUsed,
        int roleChangesRefused,
        @Nullable String meetingRoomSid,
        @Nullable String meetingSid,
        boolean muted,
        boolean onHold,
        @JsonIgnore @Nullable Instant waitStartedAt,
        @JsonIgnore @Nullable Instant waitDeadline,
        @Nullable String endReason,
        Instant dateCreated,
        @Nullable Instant dateJoined,
        @Nullable Instant dateEnded) {

    /** A call that has just arrived, being prompted until its decision says otherwise. */
    static Call arrived(String callSid, String numberSrc, String numberDst, String didSid, Instant now) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.PROMPTING,
                null,
                null,
                0,
                0,
                null,
                null,
                false,
                false,
                null,
                null,
                null,
                now,
                null,
                null);
    }

    Call with(CallStatus state) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                state,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }

    Call withAccessCode(String code) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                state,
                code,
                role,
                attemptsUsed,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }

    /** One more wrong access-code attempt; still prompting. */
    Call withAttempt() {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.PROMPTING,
                accessCode,
                role,
                attemptsUsed + 1,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }

    Call waiting(Role role, String roomSid, Instant startedAt, Instant deadline) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.WAITING,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                roomSid,
                null,
                false,
                false,
                startedAt,
                deadline,
                null,
                dateCreated,
                null,
                null);
    }

    Call joined(Role role, String roomSid, String meetingSid, boolean muted, Instant now) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.JOINED,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                roomSid,
                meetingSid,
                muted,
                false,
                waitStartedAt,
                null,
                null,
                dateCreated,
                now,
                null);
    }

    /** Ended now, with the reason ({@code null} when the caller hung up). */
    Call ended(String reason, Instant now) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.ENDED,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                null,
                reason,
                dateCreated,
                dateJoined,
                now);
    }

    Call withMuted(boolean muted) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                state,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }

    Call withOnHold(boolean onHold) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                state,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }

    /** Prompted for a code that changes its role in the meeting (the role-change binding). */
    Call changingRole() {
        return with(CallStatus.CHANGING_ROLE);
    }

    /** Back in the meeting with {@code role} after a role-change entry that a room's code matched. */
    Call withRole(Role role, boolean muted) {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.JOINED,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }

    /** Back in the meeting, role unchanged, after a wrong or empty role-change entry. */
    Call withRoleChangeRefused() {
        return new Call(
                callSid,
                numberSrc,
                numberDst,
                didSid,
                CallStatus.JOINED,
                accessCode,
                role,
                attemptsUsed,
                roleChangesRefused + 1,
                meetingRoomSid,
                meetingSid,
                muted,
                onHold,
                waitStartedAt,
                waitDeadline,
                endReason,
                dateCreated,
                dateJoined,
                dateEnded);
    }
}
