package com.callflowrules.decision;

import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallState;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.MeetingState;
import java.util.List;

/**
 * What the caller of the engine knows about a call: the dialed DID with its group and account
 * (absent when the number matches no DID), the rooms that own an entered access code, the room
 * the call is in, the live call, and the running meetings of those rooms. {@code did},
 * {@code didGroup}, {@code account}, {@code room} and {@code call} may be {@code null}.
 *
 * @param roomsWithCode the rooms of the account that own the entered access code, in any scope;
 *                      the rules choose between them
 * @param meetings      the running meetings of the rooms the call may go to (or is in): the rules
 *                      read the one of the room they place the call in
 */
public record CallFacts(
        Did did,
        DidGroup didGroup,
        Account account,
        List<MeetingRoom> roomsWithCode,
        MeetingRoom room,
        CallState call,
        List<MeetingState> meetings) {

    public CallFacts {
        roomsWithCode = roomsWithCode == null ? List.of() : List.copyOf(roomsWithCode);
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }

    /** Facts for a number that matches no DID. */
    public static CallFacts unknownNumber() {
        return new CallFacts(null, null, null, List.of(), null, null, List.of());
    }

    /** Facts for a dialed DID; {@code didGroup} may be {@code null}. */
    public static CallFacts dialed(Did did, DidGroup didGroup, Account account) {
        return new CallFacts(did, didGroup, account, List.of(), null, null, List.of());
    }

    public CallFacts withRoomsWithCode(List<MeetingRoom> rooms) {
        return new CallFacts(did, didGroup, account, rooms, room, call, meetings);
    }

    public CallFacts withRoom(MeetingRoom room) {
        return new CallFacts(did, didGroup, account, roomsWithCode, room, call, meetings);
    }

    public CallFacts withCall(CallState call) {
        return new CallFacts(did, didGroup, account, roomsWithCode, room, call, meetings);
    }

    /** These facts with {@code meeting} as the only running meeting ({@code null}: none). */
    public CallFacts withMeeting(MeetingState meeting) {
        return withMeetings(meeting == null ? List.of() : List.of(meeting));
    }

    public CallFacts withMeetings(List<MeetingState> meetings) {
        return new CallFacts(did, didGroup, account, roomsWithCode, room, call, meetings);
    }
}
