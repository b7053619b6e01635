package com.callflowrules.api.configuration;

import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.Page;
import com.callflowrules.api.configuration.ConfigurationBodies.MeetingRoomFields;
import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Meeting rooms with their access codes; a code is unique per (account, DID group). */
@RestController
@Tag(name = "Meeting rooms")
@RequestMapping("/conference/v2/meeting_rooms")
class MeetingRoomController {

    private final MeetingRoomRepository rooms;
    private final RequestBinder binder;
    private final ConfigurationWrites writes;
    private final ConfigurationWrites.Kind<MeetingRoom, MeetingRoomFields> kind;

    MeetingRoomController(MeetingRoomRepository rooms, RequestBinder binder, ConfigurationWrites writes) {
        this.rooms = rooms;
        this.binder = binder;
        this.writes = writes;
        this.kind = new ConfigurationWrites.Kind<>(
                "meeting room",
                MeetingRoomFields.class,
                MeetingRoomFields::of,
                MeetingRoomController::updated,
                rooms::findForUpdate,
                rooms::update);
    }

    /** Creates a meeting room of an account, in a DID group of that account if given. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "createMeetingRoom",
            summary = "Create a meeting room with its access codes",
            description =
                    "A room with its access codes, each with the role it grants; a code is unique per account and DID group (409 otherwise).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MeetingRoom create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = MeetingRoomFields.class)))
                    @RequestBody
                    JsonNode json) {
        MeetingRoomFields fields = binder.create(json, MeetingRoomFields.class);
        return rooms.create(
                fields.accountSid(),
                fields.name(),
                fields.didGroupSid(),
                fields.accessCodes(),
                fields.properties(),
                false);
    }

    @Operation(
            operationId = "listMeetingRooms",
            summary = "List meeting rooms",
            description =
                    "A page of rooms, of one account when account_sid is given; rooms made on the fly have ad_hoc true.")
    @GetMapping
    Page<MeetingRoom> list(
            @RequestParam(required = false) String account_sid,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(rooms.list(account_sid, limit, offset), rooms.count(account_sid), limit, offset);
    }

    @Operation(
            operationId = "getMeetingRoom",
            summary = "Read a meeting room",
            description = "The room with its access codes and property overrides.")
    @GetMapping("/{sid}")
    MeetingRoom get(@PathVariable String sid) {
        return rooms.find(sid).orElseThrow(() -> new NotFoundException("no meeting room " + sid));
    }

    /** Changes the fields given (a merge patch): {@code properties} are merged per key and a null value removes a key. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "updateMeetingRoom",
            summary = "Change some fields of a meeting room (merge patch)",
            description = "Only the fields given change; access_codes, when given, replace the room's codes.")
    @PatchMapping("/{sid}")
    MeetingRoom patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = MeetingRoomFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.patch(kind, sid, json);
    }

    /** Replaces the writable fields: a field left out is unset. */
    @ErrorAnswers({ErrorAnswers.Answer.CONFLICT, ErrorAnswers.Answer.STALE_VERSION})
    @Operation(
            operationId = "replaceMeetingRoom",
            summary = "Replace the writable fields of a meeting room",
            description = "Every writable field is replaced: a field left out is unset.")
    @PutMapping("/{sid}")
    MeetingRoom put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = MeetingRoomFields.class)))
                    @RequestBody
                    JsonNode json) {
        return writes.replace(kind, sid, json);
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "deleteMeetingRoom",
            summary = "Delete a meeting room",
            description = "The room and its codes are deleted.")
    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        writes.delete(kind, sid, rooms::delete);
    }

    /** The stored object with the written fields; what the API does not write stays. */
    private static MeetingRoom updated(MeetingRoom current, MeetingRoomFields fields) {
        return new MeetingRoom(
                current.meetingRoomSid(),
                current.accountSid(),
                fields.name(),
                fields.didGroupSid(),
                fields.accessCodes(),
                fields.properties(),
                current.adHoc(),
                current.dateCreated());
    }
}
