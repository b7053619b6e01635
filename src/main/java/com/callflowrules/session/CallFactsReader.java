package com.callflowrules.session;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.CallState;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.Placement;
import com.callflowrules.hierarchy.HierarchyCache;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import java.util.List;
import java.util.Optional;

/**
 * Reads the facts of one decision: the dialed DID with its group and account from the node's
 * hierarchy cache, the rooms that own an entered code, and the running meetings of the rooms
 * involved. With {@link Locks#TAKE} the rooms and meetings are locked (a decision that will be
 * carried out); with {@link Locks#NONE} they are only read (the what-if).
 */
final class CallFactsReader {

    /** Whether the rows a decision depends on are locked until its transaction ends. */
    enum Locks {
        TAKE,
        NONE
    }

    private final HierarchyCache hierarchy;
    private final MeetingRoomRepository rooms;
    private final MeetingRepository meetings;

    CallFactsReader(HierarchyCache hierarchy, MeetingRoomRepository rooms, MeetingRepository meetings) {
        this.hierarchy = hierarchy;
        this.rooms = rooms;
        this.meetings = meetings;
    }

    /** The DID an arrival dialed, if the number is one, and the facts of its decision. */
    record Arrival(Optional<Did> did, CallFacts facts) {}

    /** Facts of an arrival at {@code numberDst}: with the running meeting of the DID's implicit room (a direct flow joins it). */
    Arrival arrival(String numberDst, Locks locks) {
        HierarchyCache.Reads reads = hierarchy.reads();
        Optional<Did> did = reads.didByNumber(numberDst);
        if (did.isEmpty()) {
            return new Arrival(did, CallFacts.unknownNumber());
        }
        List<String> implicitRoom = List.of(Placement.implicitRoomSid(did.get().didSid()));
        return new Arrival(
                did,
                dialed(reads, did.get())
                        .withMeetings(states(
                                locks == Locks.TAKE
                                        ? meetings.lockInRoomsSeldomRunning(implicitRoom)
                                        : meetings.inRooms(implicitRoom))));
    }

    /** Facts of {@code code} entered by {@code call} at its prompt (see {@link #codeEntry(HierarchyCache.Reads, Optional, String, Locks)}). */
    CallFacts codeEntry(Call call, String code, Locks locks) {
        HierarchyCache.Reads reads = hierarchy.reads();
        return codeEntry(reads, reads.did(call.didSid()), code, locks);
    }

    /** Facts of {@code code} entered after dialing {@code numberDst} (the what-if), or null when the number is no DID. */
    CallFacts codeEntryAt(String numberDst, String code, Locks locks) {
        HierarchyCache.Reads reads = hierarchy.reads();
        Optional<Did> did = reads.didByNumber(numberDst);
        return did.isEmpty() ? null : codeEntry(reads, did, code, locks);
    }

    /**
     * The rooms that own {@code code} and their meetings. A DID deleted under a prompted call
     * gives the facts of an unknown number.
     */
    private CallFacts codeEntry(HierarchyCache.Reads reads, Optional<Did> did, String code, Locks locks) {
        if (did.isEmpty()) {
            return CallFacts.unknownNumber();
        }
        List<MeetingRoom> owners = AccessCode.wellFormed(code)
                ? reads.roomsWithCode(did.get().accountSid(), did.get().didGroupSid(), code)
                : List.of();
        List<String> sids = owners.stream().map(MeetingRoom::meetingRoomSid).toList();
        if (locks == Locks.TAKE) {
            // The rooms are locked before their meetings are read: a host starting a meeting and a
            // caller deciding to wait for it take the same lock, so the one that commits second sees
            // the first (no caller waits for a meeting that is running).
            rooms.lockAll(sids);
        }
        return dialed(reads, did.get())
                .withRoomsWithCode(owners)
                .withMeetings(states(locks == Locks.TAKE ? meetings.lockInRooms(sids) : meetings.inRooms(sids)));
    }

    /** Facts of a call in a room: its room, role and the room's meeting (locked). */
    CallFacts placed(Call call) {
        return placed(call, Locks.TAKE);
    }

    /** As {@link #placed(Call)}; with {@link Locks#NONE} the meeting is only read (the what-if). */
    CallFacts placed(Call call, Locks locks) {
        HierarchyCache.Reads reads = hierarchy.reads();
        CallFacts facts = reads.did(call.didSid()).map(d -> dialed(reads, d)).orElseGet(CallFacts::unknownNumber);
        if (call.meetingRoomSid() == null) {
            return facts;
        }
        return facts.withRoom(reads.room(call.meetingRoomSid()).orElse(null))
                .withCall(new CallState(
                        call.callSid(),
                        call.role(),
                        call.meetingRoomSid(),
                        call.muted(),
                        call.state() == CallStatus.CHANGING_ROLE,
                        call.roleChangesRefused()))
                .withMeetings(states(
                        locks == Locks.TAKE
                                ? meetings.lockInRooms(List.of(call.meetingRoomSid()))
                                : meetings.inRooms(List.of(call.meetingRoomSid()))));
    }

    private static CallFacts dialed(HierarchyCache.Reads reads, Did did) {
        return CallFacts.dialed(
                did,
                did.didGroupSid() == null
                        ? null
                        : reads.group(did.didGroupSid()).orElse(null),
                reads.account(did.accountSid()).orElse(null));
    }

    private static List<MeetingState> states(List<Meeting> running) {
        return running.stream().map(Meeting::state).toList();
    }
}
