package com.callflowrules.support;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.CallState;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small hierarchy for tests: one account, one DID group and one DID in it, and rooms. Flows
 * are named; fields left out are unset. Immutable: each {@code with*} returns a new one.
 */
public record Hierarchy(Account account, DidGroup group, Did did, List<MeetingRoom> rooms) {

    public static final String ACCOUNT = "acc-1";
    public static final String GROUP = "grp-1";
    public static final String DID = "did-1";
    public static final String NUMBER = "15550001000";
    public static final java.time.Instant CREATED = java.time.Instant.parse("2026-01-01T00:00:00Z");

    /** An account whose flow is {@code accountFlow} (may be null), a group and a DID that name none. */
    public static Hierarchy account(String accountFlow) {
        return new Hierarchy(
                new Account(ACCOUNT, "Acme", sid(accountFlow), Map.of(), CREATED),
                new DidGroup(GROUP, ACCOUNT, "Sales", null, Map.of(), CREATED),
                new Did(DID, ACCOUNT, NUMBER, GROUP, null, Map.of(), CREATED),
                List.of());
    }

    public Hierarchy withAccountProperties(Map<String, String> properties) {
        return new Hierarchy(
                new Account(account.accountSid(), account.name(), account.callFlowSid(), properties, CREATED),
                group,
                did,
                rooms);
    }

    public Hierarchy withGroupFlow(String flow) {
        return new Hierarchy(
                account,
                new DidGroup(
                        group.didGroupSid(), group.accountSid(), group.name(), sid(flow), group.properties(), CREATED),
                did,
                rooms);
    }

    public Hierarchy withGroupProperties(Map<String, String> properties) {
        return new Hierarchy(
                account,
                new DidGroup(
                        group.didGroupSid(),
                        group.accountSid(),
                        group.name(),
                        group.callFlowSid(),
                        properties,
                        CREATED),
                did,
                rooms);
    }

    public Hierarchy withDidFlow(String flow) {
        return new Hierarchy(
                account,
                group,
                new Did(
                        did.didSid(),
                        did.accountSid(),
                        did.phonenumber(),
                        did.didGroupSid(),
                        sid(flow),
                        did.properties(),
                        CREATED),
                rooms);
    }

    public Hierarchy withDidProperties(Map<String, String> properties) {
        return new Hierarchy(
                account,
                group,
                new Did(
                        did.didSid(),
                        did.accountSid(),
                        did.phonenumber(),
                        did.didGroupSid(),
                        did.callFlowSid(),
                        properties,
                        CREATED),
                rooms);
    }

    /** The DID without a group. */
    public Hierarchy withoutGroup() {
        return new Hierarchy(
                account,
                null,
                new Did(
                        did.didSid(),
                        did.accountSid(),
                        did.phonenumber(),
                        null,
                        did.callFlowSid(),
                        did.properties(),
                        CREATED),
                rooms);
    }

    /** Adds a room scoped to the DID group ({@code inGroup}) or account-wide, with its codes. */
    public Hierarchy withRoom(String roomSid, boolean inGroup, Map<String, String> properties, AccessCode... codes) {
        List<MeetingRoom> all = new ArrayList<>(rooms);
        all.add(new MeetingRoom(
                roomSid, ACCOUNT, roomSid, inGroup ? GROUP : null, List.of(codes), properties, false, CREATED));
        return new Hierarchy(account, group, did, all);
    }

    public MeetingRoom room(String roomSid) {
        return rooms.stream()
                .filter(r -> r.meetingRoomSid().equals(roomSid))
                .findFirst()
                .orElseThrow();
    }

    /** Facts for a call to the DID, before any code. */
    public CallFacts facts() {
        return CallFacts.dialed(did, group, account);
    }

    /** Facts for an entered code: the rooms that own it, as a store would find them. */
    public CallFacts factsForCode(String code) {
        return facts().withRoomsWithCode(
                        rooms.stream().filter(r -> r.hasCode(code)).toList());
    }

    /** Facts for a call already placed in {@code roomSid} with {@code role}, and the room's meeting (may be null). */
    public CallFacts factsInRoom(String roomSid, Role role, MeetingState meeting) {
        MeetingRoom room = rooms.stream()
                .filter(r -> r.meetingRoomSid().equals(roomSid))
                .findFirst()
                .orElse(null);
        return facts().withRoom(room)
                .withCall(new CallState("call-1", role, roomSid, false))
                .withMeeting(meeting);
    }

    /** The sid of the shipped flow {@code name}; null for null. */
    public static String sid(String name) {
        return name == null ? null : CallFlow.sidFor(name);
    }
}
