package com.callflowrules.hierarchy;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.Spelled;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A room's access codes in {@code access_codes}, in the order the room lists them. Written and
 * read only with their room, inside the room's transaction ({@link MeetingRoomRepository}).
 */
final class AccessCodeRows {

    private final JdbcClient jdbc;

    AccessCodeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the room's codes; {@link ConflictException} naming a code listed twice. */
    void insert(MeetingRoom room) {
        List<AccessCode> codes = room.accessCodes();
        Set<String> seen = new HashSet<>();
        for (AccessCode code : codes) {
            if (!seen.add(code.accessCode())) {
                // The primary key refuses it too; this names the code.
                throw new ConflictException("access code " + code.accessCode() + " is listed twice in the room");
            }
        }
        for (int position = 0; position < codes.size(); position++) {
            AccessCode code = codes.get(position);
            jdbc.sql(
                            "INSERT INTO access_codes (meeting_room_sid, account_sid, scope, access_code, role, position) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            room.meetingRoomSid(),
                            room.accountSid(),
                            MeetingRoomRepository.scope(room.didGroupSid()),
                            code.accessCode(),
                            code.role().spelling(),
                            position)
                    .update();
        }
    }

    void delete(String meetingRoomSid) {
        jdbc.sql("DELETE FROM access_codes WHERE meeting_room_sid = ?")
                .param(meetingRoomSid)
                .update();
    }

    /** The codes of each of {@code meetingRoomSids}, in one query; an empty list for a room with none. */
    Map<String, List<AccessCode>> of(List<String> meetingRoomSids) {
        Map<String, List<AccessCode>> codes = new LinkedHashMap<>();
        meetingRoomSids.forEach(sid -> codes.put(sid, new ArrayList<>()));
        jdbc.sql(
                        "SELECT meeting_room_sid, access_code, role FROM access_codes WHERE meeting_room_sid IN (:sids) ORDER BY position")
                .param("sids", List.copyOf(codes.keySet()))
                .query((rs, n) -> {
                    codes.get(rs.getString(1))
                            .add(new AccessCode(rs.getString(2), Spelled.parse(Role.class, rs.getString(3))));
                    return null;
                })
                .list();
        return codes;
    }
}
