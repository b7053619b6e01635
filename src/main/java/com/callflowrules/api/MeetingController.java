package com.callflowrules.api;

import com.callflowrules.properties.PropertyType;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.LiveStateAdmin;
import com.callflowrules.session.Meeting;
import com.callflowrules.session.MeetingRepository;
import com.callflowrules.session.UnknownMeetingException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Running meetings: read them, and lock, hold or mute them as a host would. */
@RestController
@RequestMapping("/conference/v2/meetings")
class MeetingController {

    private static final Pattern MUTED = Pattern.compile("false|relaxed|true");

    private final CallControl control;
    private final LiveStateAdmin admin;
    private final MeetingRepository meetings;

    MeetingController(CallControl control, MeetingRepository meetings, LiveStateAdmin admin) {
        this.admin = admin;
        this.control = control;
        this.meetings = meetings;
    }

    @GetMapping
    Page<Meeting> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(meetings.list(limit, offset), meetings.count(), limit, offset);
    }

    @GetMapping("/{sid}")
    Meeting get(@PathVariable String sid) {
        return meetings.find(sid).orElseThrow(() -> new UnknownMeetingException(sid));
    }

    @PatchMapping("/{sid}")
    Meeting patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.MeetingChanges.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestBody body = RequestBody.of(json, RequestSchemas.fields(RequestSchemas.MeetingChanges.class), Set.of());
        Boolean locked = body.bool("locked");
        // role letters, as in the role-set properties; empty: nobody on hold
        String onHold = body.ofType("on_hold", PropertyType.ROLES);
        String muted = body.matching("participant_muted", MUTED, "false, relaxed or true", false);
        body.validate();
        return admin.updateMeeting(sid, locked, onHold, muted);
    }
}
