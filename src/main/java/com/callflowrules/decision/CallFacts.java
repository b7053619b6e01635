package com.callflowrules.decision;

import com.callflowrules.hierarchy.Account;
import com.callflowrules.hierarchy.Did;
import com.callflowrules.hierarchy.DidGroup;
import com.callflowrules.hierarchy.MeetingRoom;
import java.util.List;

/**
 * What the caller of the engine knows about a call: the dialed DID with its group and account
 * (absent when the number matches no DID), the rooms that own an entered access code, the room
 * the call is in, and the live call and meeting state. Every field but {@code roomsWithCode} may
 * be {@code null}.
 *
 * @param roomsWithCode the rooms of the account that own the entered access code, in any scope;
 *                      the rules choose between them
 */
public record CallFacts(Did did, DidGroup didGroup, Account account, List<MeetingRoom> roomsWithCode,
        MeetingRoom room, CallState call, MeetingState meeting) {

    public CallFacts {
        roomsWithCode = roomsWithCode == null ? List.of() : List.copyOf(roomsWithCode);
    }

    /** Facts for a number that matches no DID. */
    public static CallFacts unknownNumber() {
        return new CallFacts(null, null, null, List.of(), null, null, null);
    }

    /** Facts for a dialed DID; {@code didGroup} may be {@code null}. */
    public static CallFacts dialed(Did did, DidGroup didGroup, Account account) {
        return new CallFacts(did, didGroup, account, List.of(), null, null, null);
    }

    public CallFacts withRoomsWithCode(List<MeetingRoom> rooms) {
        return new CallFacts(did, didGroup, account, rooms, room, call, meeting);
    }

    public CallFacts withRoom(MeetingRoom room) {
        return new CallFacts(did, didGroup, account, roomsWithCode, room, call, meeting);
    }

    public CallFacts withCall(CallState call) {
        return new CallFacts(did, didGroup, account, roomsWithCode, room, call, meeting);
    }

    public CallFacts withMeeting(MeetingState meeting) {
        return new CallFacts(did, didGroup, account, roomsWithCode, room, call, meeting);
    }
}
