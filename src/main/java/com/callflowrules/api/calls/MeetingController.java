package com.callflowrules.api.calls;

import com.callflowrules.api.Page;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.LiveStateAdmin;
import com.callflowrules.session.Meeting;
import com.callflowrules.session.MeetingRepository;
import com.callflowrules.session.UnknownMeetingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Running meetings: read them, and lock, hold or mute them as a host would. */
@RestController
@Tag(name = "Meetings")
@RequestMapping("/conference/v2/meetings")
class MeetingController {

    private final CallControl control;
    private final LiveStateAdmin admin;
    private final MeetingRepository meetings;

    MeetingController(CallControl control, MeetingRepository meetings, LiveStateAdmin admin) {
        this.admin = admin;
        this.control = control;
        this.meetings = meetings;
    }

    @Operation(
            operationId = "listMeetings",
            summary = "List running meetings",
            description = "A page of running meetings with their attendees by role.")
    @GetMapping
    Page<Meeting> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(meetings.list(limit, offset), meetings.count(), limit, offset);
    }

    @Operation(
            operationId = "getMeeting",
            summary = "Read a running meeting",
            description = "A running meeting; a meeting that has ended is gone (404).")
    @GetMapping("/{sid}")
    Meeting get(@PathVariable String sid) {
        return meetings.find(sid).orElseThrow(() -> new UnknownMeetingException(sid));
    }

    @Operation(
            operationId = "updateMeeting",
            summary = "Lock, hold or mute a running meeting",
            description =
                    "Sets locked, on_hold (role letters) and participant_muted (false, relaxed, true) of a running meeting.")
    @PatchMapping("/{sid}")
    Meeting patch(@PathVariable String sid, @RequestBody @Valid CallBodies.MeetingChanges changes) {
        return admin.updateMeeting(sid, changes.locked(), changes.onHold(), changes.participantMuted());
    }
}
