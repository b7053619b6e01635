package com.callflowrules.session;

import static com.callflowrules.session.CallRepository.instant;
import static com.callflowrules.session.CallRepository.timestamp;

import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.RoleSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Running meetings in the {@code meetings} table; attendees are counted from the joined calls. */
@Repository
public class MeetingRepository {

    private static final String SELECT = """
            SELECT m.*,
              (SELECT COUNT(*) FROM calls c WHERE c.meeting_sid = m.meeting_sid AND c.state IN ('joined', 'changing_role') AND c.role = 'host') AS hosts,
              (SELECT COUNT(*) FROM calls c WHERE c.meeting_sid = m.meeting_sid AND c.state IN ('joined', 'changing_role') AND c.role = 'participant') AS participants,
              (SELECT COUNT(*) FROM calls c WHERE c.meeting_sid = m.meeting_sid AND c.state IN ('joined', 'changing_role') AND c.role = 'listener') AS listeners
            FROM meetings m""";

    private final JdbcClient jdbc;

    public MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a meeting; a second meeting in the same room is refused by {@code meetings_one_per_room}. */
    void insert(Meeting meeting) {
        jdbc.sql("""
                        INSERT INTO meetings (meeting_sid, meeting_room_sid, account_sid, locked, on_hold, participant_muted,
                            recording, stop_due_at, stop_call_sid, date_created)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        meeting.meetingSid(),
                        meeting.meetingRoomSid(),
                        meeting.accountSid(),
                        meeting.locked(),
                        meeting.onHold().letters(),
                        meeting.participantMuted().spelling(),
                        meeting.recording(),
                        timestamp(meeting.stopDueAt()),
                        meeting.stopCallSid(),
                        timestamp(meeting.dateCreated()))
                .update();
    }

    void update(Meeting meeting) {
        jdbc.sql("""
                        UPDATE meetings SET locked = ?, on_hold = ?, participant_muted = ?, recording = ?, stop_due_at = ?,
                            stop_call_sid = ?
                        WHERE meeting_sid = ?""")
                .params(
                        meeting.locked(),
                        meeting.onHold().letters(),
                        meeting.participantMuted().spelling(),
                        meeting.recording(),
                        timestamp(meeting.stopDueAt()),
                        meeting.stopCallSid(),
                        meeting.meetingSid())
                .update();
    }

    /** Sets (or clears, with nulls) the stop grace timer of a meeting. */
    void setStop(String meetingSid, Instant dueAt, String callSid) {
        jdbc.sql("UPDATE meetings SET stop_due_at = ?, stop_call_sid = ? WHERE meeting_sid = ?")
                .params(timestamp(dueAt), callSid, meetingSid)
                .update();
    }

    void delete(String meetingSid) {
        jdbc.sql("DELETE FROM meetings WHERE meeting_sid = ?").param(meetingSid).update();
    }

    public Optional<Meeting> find(String meetingSid) {
        return jdbc.sql(SELECT + " WHERE m.meeting_sid = ?")
                .param(meetingSid)
                .query(MeetingRepository::map)
                .optional();
    }

    /**
     * As {@link #lockInRooms}, for rooms that seldom have a meeting running (an arrival's implicit
     * room): a plain count first, since FOR UPDATE of no row locks nothing and answers the same.
     * It saves the parse H2 makes of every FOR UPDATE, a statement it never keeps in its cache.
     */
    List<Meeting> lockInRoomsSeldomRunning(List<String> meetingRoomSids) {
        if (meetingRoomSids.isEmpty()
                || jdbc.sql("SELECT COUNT(*) FROM meetings WHERE meeting_room_sid IN (:rooms)")
                                .param("rooms", meetingRoomSids)
                                .query(Integer.class)
                                .single()
                        == 0) {
            return List.of();
        }
        return lockInRooms(meetingRoomSids);
    }

    /**
     * The running meetings of these rooms, each row locked until the transaction ends, so joins
     * and leaves of one meeting see each other's counts.
     */
    List<Meeting> lockInRooms(List<String> meetingRoomSids) {
        if (meetingRoomSids.isEmpty()) {
            return List.of();
        }
        // Locked in a statement of its own: the attendee counts are aggregates, which FOR UPDATE refuses.
        List<String> sids = jdbc.sql(
                        "SELECT meeting_sid FROM meetings WHERE meeting_room_sid IN (:rooms) ORDER BY meeting_sid FOR UPDATE")
                .param("rooms", meetingRoomSids)
                .query(String.class)
                .list();
        if (sids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE m.meeting_sid IN (:sids) ORDER BY m.meeting_sid")
                .param("sids", sids)
                .query(MeetingRepository::map)
                .list();
    }

    /** The running meetings of these rooms, as committed; nothing is locked. */
    List<Meeting> inRooms(List<String> meetingRoomSids) {
        if (meetingRoomSids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE m.meeting_room_sid IN (:rooms) ORDER BY m.meeting_sid")
                .param("rooms", meetingRoomSids)
                .query(MeetingRepository::map)
                .list();
    }

    public List<Meeting> list(int limit, int offset) {
        return jdbc.sql(SELECT + " ORDER BY m.date_created DESC, m.meeting_sid LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(MeetingRepository::map)
                .list();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM meetings").query(Integer.class).single();
    }

    /**
     * Claims one meeting whose stop grace time is over: its row is locked until the transaction
     * ends, and rows other transactions hold are skipped, so each timer fires on one node.
     */
    Optional<String> claimStopDue(Instant now) {
        return jdbc.sql(
                        "SELECT meeting_sid FROM meetings WHERE stop_due_at <= ? ORDER BY stop_due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param(timestamp(now))
                .query(String.class)
                .optional();
    }

    private static Meeting map(ResultSet rs, int row) throws SQLException {
        return new Meeting(
                rs.getString("meeting_sid"),
                rs.getString("meeting_room_sid"),
                rs.getString("account_sid"),
                rs.getBoolean("locked"),
                RoleSet.parse(rs.getString("on_hold")),
                ParticipantMute.of(rs.getString("participant_muted")),
                rs.getBoolean("recording"),
                instant(rs, "stop_due_at"),
                rs.getString("stop_call_sid"),
                instant(rs, "date_created"),
                new Attendees(rs.getInt("hosts"), rs.getInt("participants"), rs.getInt("listeners")));
    }
}
