package com.callflowrules.api.configuration;

import com.callflowrules.api.requests.E164Number;
import com.callflowrules.api.requests.KnownCallFlow;
import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.api.requests.RequestRecords;
import com.callflowrules.api.requests.StoredText;
import com.callflowrules.api.requests.ValidProperties;
import com.callflowrules.api.requests.ValueFormats;
import com.callflowrules.description.Example;
import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bodies that create and change the configuration objects (account, DID group, DID, meeting
 * room), as records: the OpenAPI description shows them, and {@link RequestBinder} binds them,
 * merging a PATCH into the stored object first and naming every wrong field, unknown ones
 * included, in one answer, with the records' Bean Validation constraints.
 */
// a PATCH sends these too, so their schema requires no field even where a create does
@RequestRecords(mergePatched = true)
public final class ConfigurationBodies {

    private ConfigurationBodies() {}

    /** Account: {@code name} required; {@code call_flow_sid} by sid or name. */
    @JsonIgnoreProperties({"account_sid", "date_created"})
    public record AccountFields(
            @Example("Acme") @NotNull(message = ValueFormats.REQUIRED) @StoredText(max = 255)
            String name,

            @StoredText(max = 36) @KnownCallFlow @Nullable String callFlowSid,
            @ValidProperties Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides. */
        public AccountFields {
            properties = properties == null ? Map.of() : properties;
        }

        static AccountFields of(Account account) {
            return new AccountFields(account.name(), account.callFlowSid(), account.properties());
        }
    }

    /** DID group: {@code account_sid} (create only) and {@code name} required. */
    @JsonIgnoreProperties({"did_group_sid", "date_created"})
    public record DidGroupFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            @NotNull(message = ValueFormats.REQUIRED, groups = RequestBinder.OnCreate.class)
            @StoredText(max = 36, groups = RequestBinder.OnCreate.class)
            String accountSid,

            @Example("Sales") @NotNull(message = ValueFormats.REQUIRED) @StoredText(max = 255)
            String name,

            @StoredText(max = 36) @KnownCallFlow @Nullable String callFlowSid,
            @ValidProperties Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides. */
        public DidGroupFields {
            properties = properties == null ? Map.of() : properties;
        }

        static DidGroupFields of(DidGroup group) {
            return new DidGroupFields(group.accountSid(), group.name(), group.callFlowSid(), group.properties());
        }
    }

    /** DID: {@code account_sid} (create only) and {@code phonenumber} (E.164, stored with its +) required. */
    @JsonIgnoreProperties({"did_sid", "date_created"})
    public record DidFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            @NotNull(message = ValueFormats.REQUIRED, groups = RequestBinder.OnCreate.class)
            @StoredText(max = 36, groups = RequestBinder.OnCreate.class)
            String accountSid,

            @Example("+15550001000") @NotNull(message = ValueFormats.REQUIRED) @E164Number
            String phonenumber,

            @StoredText(max = 36) @Nullable String didGroupSid,
            @StoredText(max = 36) @KnownCallFlow @Nullable String callFlowSid,
            @ValidProperties Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides. */
        public DidFields {
            properties = properties == null ? Map.of() : properties;
        }

        static DidFields of(Did did) {
            return new DidFields(
                    did.accountSid(), did.phonenumber(), did.didGroupSid(), did.callFlowSid(), did.properties());
        }
    }

    /** Meeting room: {@code account_sid} (create only) required. */
    @JsonIgnoreProperties({"meeting_room_sid", "ad_hoc", "date_created"})
    public record MeetingRoomFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            @NotNull(message = ValueFormats.REQUIRED, groups = RequestBinder.OnCreate.class)
            @StoredText(max = 36, groups = RequestBinder.OnCreate.class)
            String accountSid,

            @Example("Weekly") @StoredText(max = 255) @Nullable
            String name,

            @StoredText(max = 36) @Nullable String didGroupSid,
            @AccessCodeList List<AccessCode> accessCodes,
            @ValidProperties Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides, no codes. */
        public MeetingRoomFields {
            properties = properties == null ? Map.of() : properties;
            accessCodes = accessCodes == null ? List.of() : accessCodes;
        }

        static MeetingRoomFields of(MeetingRoom room) {
            return new MeetingRoomFields(
                    room.accountSid(), room.name(), room.didGroupSid(), room.accessCodes(), room.properties());
        }
    }
}
