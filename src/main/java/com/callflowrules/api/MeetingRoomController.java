package com.callflowrules.api;

import static com.callflowrules.api.DidGroupController.union;

import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Properties;
import com.callflowrules.hierarchy.MeetingRoomRepository;
import com.callflowrules.properties.PropertySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Meeting rooms with their access codes; a code is unique per (account, DID group). */
@RestController
@RequestMapping("/conference/v2/meeting_rooms")
class MeetingRoomController {

    private static final Set<String> WRITABLE =
            RequestSchemas.fields(RequestSchemas.MeetingRoomFields.class, "account_sid");
    private static final Set<String> READ_ONLY = Set.of("meeting_room_sid", "ad_hoc", "date_created");

    private final MeetingRoomRepository rooms;
    private final PropertySchema schema = PropertySchema.standard();
    private final TransactionTemplate transactions;
    private final EntityTags tags;

    MeetingRoomController(MeetingRoomRepository rooms, TransactionTemplate transactions, EntityTags tags) {
        this.tags = tags;
        this.transactions = transactions;
        this.rooms = rooms;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MeetingRoom create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(schema = @Schema(implementation = RequestSchemas.MeetingRoomFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestFields body = RequestFields.of(json, union(WRITABLE, "account_sid"), READ_ONLY);
        String accountSid = body.requiredText("account_sid", 36);
        String name = body.text("name", 255);
        String group = body.text("did_group_sid", 36);
        var codes = body.accessCodes();
        var properties = body.properties(schema, false);
        body.validate();
        return rooms.create(accountSid, name, group, codes, properties, false);
    }

    @GetMapping
    Page<MeetingRoom> list(
            @RequestParam(required = false) String account_sid,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(rooms.list(account_sid, limit, offset), rooms.count(account_sid), limit, offset);
    }

    @GetMapping("/{sid}")
    MeetingRoom get(@PathVariable String sid) {
        return rooms.find(sid).orElseThrow(() -> new NotFoundException("no meeting room " + sid));
    }

    @PatchMapping("/{sid}")
    MeetingRoom patch(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(schema = @Schema(implementation = RequestSchemas.MeetingRoomFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            MeetingRoom current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, union(READ_ONLY, "account_sid"));
            String name = body.has("name") ? body.text("name", 255) : current.name();
            String group = body.has("did_group_sid") ? body.text("did_group_sid", 36) : current.didGroupSid();
            var codes = body.has("access_codes") ? body.accessCodes() : current.accessCodes();
            var properties = Properties.mergePatch(current.properties(), body.properties(schema, true));
            body.validate();
            return save(new MeetingRoom(
                    sid, current.accountSid(), name, group, codes, properties, current.adHoc(), current.dateCreated()));
        });
    }

    @PutMapping("/{sid}")
    MeetingRoom put(
            @PathVariable String sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(schema = @Schema(implementation = RequestSchemas.MeetingRoomFields.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        // read, merge and write under the row lock: concurrent writes of one object serialize
        return transactions.execute(status -> {
            MeetingRoom current = locked(sid);
            RequestFields body = RequestFields.of(json, WRITABLE, union(READ_ONLY, "account_sid"));
            String name = body.text("name", 255);
            String group = body.text("did_group_sid", 36);
            var codes = body.accessCodes();
            var properties = body.properties(schema, false);
            body.validate();
            return save(new MeetingRoom(
                    sid, current.accountSid(), name, group, codes, properties, current.adHoc(), current.dateCreated()));
        });
    }

    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String sid) {
        if (!rooms.delete(sid)) {
            throw new NotFoundException("no meeting room " + sid);
        }
    }

    /** The stored object under its row lock; an {@code If-Match} that no longer holds is refused (412). */
    private MeetingRoom locked(String sid) {
        MeetingRoom current =
                rooms.findForUpdate(sid).orElseThrow(() -> new NotFoundException("no meeting room " + sid));
        tags.requireMatch(current);
        return current;
    }

    private MeetingRoom save(MeetingRoom room) {
        if (!rooms.update(room)) {
            throw new NotFoundException("no meeting room " + room.meetingRoomSid());
        }
        return room;
    }
}
