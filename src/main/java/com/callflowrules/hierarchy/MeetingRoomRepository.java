package com.callflowrules.hierarchy;

import static com.callflowrules.hierarchy.AccountRepository.now;
import static com.callflowrules.hierarchy.AccountRepository.timestamp;
import static com.callflowrules.hierarchy.HierarchyChanges.codes;
import static com.callflowrules.hierarchy.HierarchyChanges.keys;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.MeetingRoom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meeting rooms and their access codes ({@code meeting_rooms}, {@code access_codes}). A room and
 * its codes are written in one transaction; the database refuses a code already used in the same
 * (account, DID group) scope, so concurrent writers cannot both win.
 */
@Repository
public class MeetingRoomRepository {

    private final JdbcClient jdbc;
    private final HierarchyChanges changes;
    private final Clock clock;
    private final LiveCalls liveCalls;
    private final AccessCodeRows accessCodes;

    public MeetingRoomRepository(JdbcClient jdbc, HierarchyChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.accessCodes = new AccessCodeRows(jdbc);
        this.changes = changes;
        this.clock = clock;
        this.liveCalls = new LiveCalls(jdbc);
    }

    /**
     * Stores a new room with its codes. {@link ConflictException} when a code is taken in the
     * scope or listed twice; {@link UnknownReferenceException} for a missing account or group.
     */
    public MeetingRoom create(
            String accountSid,
            String name,
            String didGroupSid,
            List<AccessCode> accessCodes,
            Map<String, String> properties,
            boolean adHoc) {
        MeetingRoom room = new MeetingRoom(
                UUID.randomUUID().toString(),
                accountSid,
                name,
                didGroupSid,
                accessCodes,
                properties,
                adHoc,
                now(clock));
        return ConstraintViolations.translate(
                false,
                () -> changes.writing(staleKeys(room), () -> {
                    jdbc.sql("""
                            INSERT INTO meeting_rooms (meeting_room_sid, account_sid, name, did_group_sid, scope, ad_hoc, properties, date_created)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(
                                    room.meetingRoomSid(),
                                    room.accountSid(),
                                    room.name(),
                                    room.didGroupSid(),
                                    scope(room.didGroupSid()),
                                    room.adHoc(),
                                    PropertiesJson.write(room.properties()),
                                    timestamp(room.dateCreated()))
                            .update();
                    this.accessCodes.insert(room);
                    return room;
                }));
    }

    /**
     * Locks the rows of {@code meetingRoomSids} until the transaction ends, in sid order (so two
     * lockers cannot deadlock): what serializes the events that start or wait for a room's meeting.
     */
    public void lockAll(java.util.Collection<String> meetingRoomSids) {
        for (String sid : new java.util.TreeSet<>(meetingRoomSids)) {
            jdbc.sql("SELECT meeting_room_sid FROM meeting_rooms WHERE meeting_room_sid = ? FOR UPDATE")
                    .param(sid)
                    .query(String.class)
                    .optional();
        }
    }

    /**
     * The stored object, its row locked until the transaction ends: a read-modify-write (a merge
     * patch) in one transaction cannot lose a concurrent writer's change.
     */
    public Optional<MeetingRoom> findForUpdate(String meetingRoomSid) {
        return rooms("SELECT * FROM meeting_rooms WHERE meeting_room_sid = ? FOR UPDATE", meetingRoomSid).stream()
                .findFirst();
    }

    public Optional<MeetingRoom> find(String meetingRoomSid) {
        return rooms("SELECT * FROM meeting_rooms WHERE meeting_room_sid = ?", meetingRoomSid).stream()
                .findFirst();
    }

    public List<MeetingRoom> list(String accountSid, int limit, int offset) {
        return rooms(
                "SELECT * FROM meeting_rooms WHERE (CAST(? AS VARCHAR) IS NULL OR account_sid = ?) ORDER BY date_created, meeting_room_sid LIMIT ? OFFSET ?",
                accountSid,
                accountSid,
                limit,
                offset);
    }

    public int count(String accountSid) {
        return jdbc.sql("SELECT COUNT(*) FROM meeting_rooms WHERE (CAST(? AS VARCHAR) IS NULL OR account_sid = ?)")
                .params(accountSid, accountSid)
                .query(Integer.class)
                .single();
    }

    /**
     * The rooms of {@code accountSid} that own {@code code} in the DID group {@code didGroupSid}
     * or account-wide: at most two, since a code is unique per scope. The rules choose between them.
     */
    public List<MeetingRoom> roomsWithCode(String accountSid, String didGroupSid, String code) {
        return rooms("""
                        SELECT r.* FROM meeting_rooms r
                        JOIN access_codes c ON c.meeting_room_sid = r.meeting_room_sid
                        WHERE c.account_sid = ? AND c.access_code = ? AND c.scope IN (?, '')""", accountSid, code, scope(didGroupSid));
    }

    /** Replaces the writable fields and the whole code list, in one transaction. */
    public boolean update(MeetingRoom room) {
        return Boolean.TRUE.equals(ConstraintViolations.translate(
                false,
                () -> changes.writing(staleKeys(room), () -> {
                    int updated = jdbc.sql("""
                            UPDATE meeting_rooms SET name = ?, did_group_sid = ?, scope = ?, properties = ?
                            WHERE meeting_room_sid = ?""")
                            .params(
                                    room.name(),
                                    room.didGroupSid(),
                                    scope(room.didGroupSid()),
                                    PropertiesJson.write(room.properties()),
                                    room.meetingRoomSid())
                            .update();
                    if (updated == 0) {
                        return false;
                    }
                    accessCodes.delete(room.meetingRoomSid());
                    accessCodes.insert(room);
                    return true;
                })));
    }

    /** Deletes the room and its codes; {@link ConflictException} naming the live calls in it, if any. */
    public boolean delete(String meetingRoomSid) {
        return ConstraintViolations.translate(
                        true,
                        () -> changes.writing(() -> staleKeys(meetingRoomSid), () -> {
                            liveCalls.refuseInUse("the meeting room", "meeting_room_sid", meetingRoomSid);
                            return jdbc.sql("DELETE FROM meeting_rooms WHERE meeting_room_sid = ?")
                                    .param(meetingRoomSid)
                                    .update();
                        }))
                == 1;
    }

    /** A room's own entry and every code lookup of its account (its codes may have moved in or out of any). */
    private static List<String> staleKeys(MeetingRoom room) {
        return keys(HierarchyChanges.room(room.meetingRoomSid()), codes(room.accountSid()));
    }

    private List<String> staleKeys(String meetingRoomSid) {
        return jdbc.sql("SELECT account_sid FROM meeting_rooms WHERE meeting_room_sid = ? FOR UPDATE")
                .param(meetingRoomSid)
                .query(String.class)
                .optional()
                .map(account -> keys(HierarchyChanges.room(meetingRoomSid), codes(account)))
                .orElse(List.of());
    }

    private List<MeetingRoom> rooms(String sql, Object... params) {
        List<RoomRow> rows =
                jdbc.sql(sql).params(params).query(MeetingRoomRepository::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<AccessCode>> codesByRoom =
                accessCodes.of(rows.stream().map(RoomRow::sid).toList());
        return rows.stream()
                .map(r -> new MeetingRoom(
                        r.sid(),
                        r.accountSid(),
                        r.name(),
                        r.didGroupSid(),
                        codesByRoom.get(r.sid()),
                        r.properties(),
                        r.adHoc(),
                        r.dateCreated()))
                .toList();
    }

    private record RoomRow(
            String sid,
            String accountSid,
            String name,
            String didGroupSid,
            Map<String, String> properties,
            boolean adHoc,
            java.time.Instant dateCreated) {}

    private static RoomRow row(ResultSet rs, int n) throws SQLException {
        return new RoomRow(
                rs.getString("meeting_room_sid"),
                rs.getString("account_sid"),
                rs.getString("name"),
                rs.getString("did_group_sid"),
                PropertiesJson.read(rs.getString("properties")),
                rs.getBoolean("ad_hoc"),
                rs.getObject("date_created", OffsetDateTime.class).toInstant());
    }

    /** The scope column: the group's sid, or '' for an account-wide room. */
    static String scope(String didGroupSid) {
        return didGroupSid == null ? "" : didGroupSid;
    }
}
