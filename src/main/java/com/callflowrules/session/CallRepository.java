package com.callflowrules.session;

import com.callflowrules.facts.Role;
import com.callflowrules.facts.Spelled;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls: live ones (and those ended since the last retention sweep) in the hot {@code calls}
 * table, ended ones moved to {@code call_history} by {@link Retention}.
 */
@Repository
public class CallRepository {

    private final JdbcClient jdbc;

    public CallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            call_sid, number_src, number_dst, did_sid, state, access_code, role, attempts_used, role_changes_refused,
            meeting_room_sid, meeting_sid, muted, on_hold, wait_started_at, wait_deadline, end_reason, date_created, date_joined, date_ended""";

    void insert(Call call) {
        jdbc.sql("INSERT INTO calls (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(call, true))
                .update();
    }

    void update(Call call) {
        jdbc.sql("""
                        UPDATE calls SET number_src = ?, number_dst = ?, did_sid = ?, state = ?, access_code = ?, role = ?,
                            attempts_used = ?, role_changes_refused = ?, meeting_room_sid = ?, meeting_sid = ?, muted = ?, on_hold = ?,
                            wait_started_at = ?, wait_deadline = ?, end_reason = ?, date_created = ?, date_joined = ?,
                            date_ended = ?
                        WHERE call_sid = ?""").params(values(call, false)).update();
    }

    /** The answer given to the router's request {@code requestKey} of the call, if one was ({@code router_answers}). */
    Optional<String> routerAnswer(String callSid, String requestKey) {
        return jdbc.sql("SELECT answer FROM router_answers WHERE call_sid = ? AND request_key = ?")
                .params(callSid, requestKey)
                .query(String.class)
                .optional();
    }

    /** Keeps the answer to a keyed request, in the transaction of the event it carried out. */
    void keepRouterAnswer(String callSid, String requestKey, String answer, Instant at) {
        jdbc.sql("INSERT INTO router_answers (call_sid, request_key, answer, answered_at) VALUES (?, ?, ?, ?)")
                .params(callSid, requestKey, answer, timestamp(at))
                .update();
    }

    /** A call, live or ended (then possibly moved to the history). */
    public Optional<Call> find(String callSid) {
        Optional<Call> live = jdbc.sql("SELECT * FROM calls WHERE call_sid = ?")
                .param(callSid)
                .query(CallRepository::map)
                .optional();
        return live.isPresent() ? live : ended(callSid);
    }

    /** A call the retention sweep has moved to the history. */
    Optional<Call> ended(String callSid) {
        return jdbc.sql("SELECT * FROM call_history WHERE call_sid = ?")
                .param(callSid)
                .query(CallRepository::map)
                .optional();
    }

    /**
     * Moves up to {@code limit} ended calls from the hot table to the history, oldest first;
     * returns how many. Rows another node's sweep holds are skipped.
     */
    int moveEnded(int limit) {
        List<String> sids = jdbc.sql(
                        "SELECT call_sid FROM calls WHERE state = 'ended' ORDER BY date_ended LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit)
                .query(String.class)
                .list();
        if (sids.isEmpty()) {
            return 0;
        }
        jdbc.sql("INSERT INTO call_history (" + COLUMNS + ") SELECT " + COLUMNS
                        + " FROM calls WHERE call_sid IN (:sids) ORDER BY date_ended")
                .param("sids", sids)
                .update();
        return jdbc.sql("DELETE FROM calls WHERE call_sid IN (:sids)")
                .param("sids", sids)
                .update();
    }

    /** The call, locked until the transaction ends: events of one call are applied one at a time. */
    Optional<Call> lock(String callSid) {
        return jdbc.sql("SELECT * FROM calls WHERE call_sid = ? FOR UPDATE")
                .param(callSid)
                .query(CallRepository::map)
                .optional();
    }

    /** Calls that have not ended, newest first. */
    public List<Call> live(int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM calls WHERE state <> 'ended' ORDER BY date_created DESC, call_sid LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(CallRepository::map)
                .list();
    }

    /** Calls live or ended to or from {@code number} (as stored, E.164), newest first. */
    public List<Call> withNumber(String number, int limit) {
        return jdbc.sql("SELECT * FROM (SELECT " + COLUMNS + " FROM calls WHERE number_dst = :n"
                        + " UNION SELECT " + COLUMNS + " FROM calls WHERE number_src = :n"
                        + " UNION SELECT " + COLUMNS + " FROM call_history WHERE number_dst = :n"
                        + " UNION SELECT " + COLUMNS + " FROM call_history WHERE number_src = :n) found"
                        + " ORDER BY date_created DESC, call_sid LIMIT :limit")
                .param("n", number)
                .param("limit", limit)
                .query(CallRepository::map)
                .list();
    }

    public int countLive() {
        return jdbc.sql("SELECT COUNT(*) FROM calls WHERE state <> 'ended'")
                .query(Integer.class)
                .single();
    }

    List<Call> inMeeting(String meetingSid) {
        return jdbc.sql(
                        "SELECT * FROM calls WHERE meeting_sid = ? AND state IN ('joined', 'changing_role') ORDER BY date_joined, call_sid")
                .param(meetingSid)
                .query(CallRepository::map)
                .list();
    }

    List<Call> waitingIn(String meetingRoomSid) {
        return jdbc.sql(
                        "SELECT * FROM calls WHERE meeting_room_sid = ? AND state = 'waiting' ORDER BY wait_started_at, call_sid")
                .param(meetingRoomSid)
                .query(CallRepository::map)
                .list();
    }

    /**
     * Claims one waiting call whose start-wait deadline has passed: its row is locked until the
     * transaction ends, and rows other transactions hold are skipped.
     */
    Optional<String> claimWaitOver(Instant now) {
        // SKIP LOCKED: a call another node (or an event) holds is left to it; LIMIT 1 claims one at a time.
        return jdbc.sql(
                        "SELECT call_sid FROM calls WHERE state = 'waiting' AND wait_deadline <= ? ORDER BY wait_deadline "
                                + "LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param(timestamp(now))
                .query(String.class)
                .optional();
    }

    private static Object[] values(Call c, boolean sidFirst) {
        Object[] fields = {
            c.numberSrc(),
            c.numberDst(),
            c.didSid(),
            c.state().spelling(),
            c.accessCode(),
            c.role() == null ? null : c.role().spelling(),
            c.attemptsUsed(),
            c.roleChangesRefused(),
            c.meetingRoomSid(),
            c.meetingSid(),
            c.muted(),
            c.onHold(),
            timestamp(c.waitStartedAt()),
            timestamp(c.waitDeadline()),
            c.endReason(),
            timestamp(c.dateCreated()),
            timestamp(c.dateJoined()),
            timestamp(c.dateEnded())
        };
        Object[] all = new Object[fields.length + 1];
        if (sidFirst) {
            all[0] = c.callSid();
            System.arraycopy(fields, 0, all, 1, fields.length);
        } else {
            System.arraycopy(fields, 0, all, 0, fields.length);
            all[fields.length] = c.callSid();
        }
        return all;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Call map(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        return new Call(
                rs.getString("call_sid"),
                rs.getString("number_src"),
                rs.getString("number_dst"),
                rs.getString("did_sid"),
                Spelled.parse(CallStatus.class, rs.getString("state")),
                rs.getString("access_code"),
                role == null ? null : Spelled.parse(Role.class, role),
                rs.getInt("attempts_used"),
                rs.getInt("role_changes_refused"),
                rs.getString("meeting_room_sid"),
                rs.getString("meeting_sid"),
                rs.getBoolean("muted"),
                rs.getBoolean("on_hold"),
                instant(rs, "wait_started_at"),
                instant(rs, "wait_deadline"),
                rs.getString("end_reason"),
                instant(rs, "date_created"),
                instant(rs, "date_joined"),
                instant(rs, "date_ended"));
    }
}
