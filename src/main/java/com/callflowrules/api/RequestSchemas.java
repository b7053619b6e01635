package com.callflowrules.api;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.properties.PropertyType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies, as records: the OpenAPI description shows them and the service binds
 * them, so the description and the validation cannot drift apart. Field names are written in snake_case on the wire. The call-control, what-if and
 * meeting bodies are bound to these records by Spring ({@code @RequestBody @Valid}); the
 * configuration bodies by {@link RequestBinder}, which merges a PATCH into the stored object
 * first and names every wrong field, unknown ones included, in one answer. Both check the
 * records' Bean Validation constraints.
 */
final class RequestSchemas {

    private static final String REQUIRED = "is required";
    private static final String RULE_RELEASE = "[0-9a-f]{12}";
    private static final String RULE_RELEASE_RULE = "must be a release version, 12 hex digits";
    private static final String RULE_RELEASE_DESCRIPTION =
            "decide with this rule release instead of the one running (left out: the running one)";

    /**
     * The bodies a PATCH also sends (a merge patch: any subset of the fields), so their schema
     * requires no field even where a create does.
     */
    static final Set<Class<? extends Record>> MERGE_PATCHED =
            Set.of(AccountFields.class, DidGroupFields.class, DidFields.class, MeetingRoomFields.class);

    private RequestSchemas() {}

    /** Account: {@code name} required; {@code call_flow_sid} by sid or name. */
    @JsonIgnoreProperties({"account_sid", "date_created"})
    record AccountFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 255, example = "Acme")
            @NotNull(message = REQUIRED)
            @StoredText(max = 255)
            String name,

            @StoredText(max = 36) @KnownCallFlow @Nullable String callFlowSid,
            @PropertyValues Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides. */
        AccountFields {
            properties = properties == null ? Map.of() : properties;
        }

        static AccountFields of(Account account) {
            return new AccountFields(account.name(), account.callFlowSid(), account.properties());
        }
    }

    /** DID group: {@code account_sid} (create only) and {@code name} required. */
    @JsonIgnoreProperties({"did_group_sid", "date_created"})
    record DidGroupFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            @NotNull(message = REQUIRED, groups = RequestBinder.OnCreate.class)
            @StoredText(max = 36, groups = RequestBinder.OnCreate.class)
            String accountSid,

            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 255, example = "Sales")
            @NotNull(message = REQUIRED)
            @StoredText(max = 255)
            String name,

            @StoredText(max = 36) @KnownCallFlow @Nullable String callFlowSid,
            @PropertyValues Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides. */
        DidGroupFields {
            properties = properties == null ? Map.of() : properties;
        }

        static DidGroupFields of(DidGroup group) {
            return new DidGroupFields(group.accountSid(), group.name(), group.callFlowSid(), group.properties());
        }
    }

    /** DID: {@code account_sid} (create only) and {@code phonenumber} (E.164, stored with its +) required. */
    @JsonIgnoreProperties({"did_sid", "date_created"})
    record DidFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            @NotNull(message = REQUIRED, groups = RequestBinder.OnCreate.class)
            @StoredText(max = 36, groups = RequestBinder.OnCreate.class)
            String accountSid,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.E164 + ")$",
                    example = "+15550001000")
            @NotNull(message = REQUIRED)
            @E164Number
            String phonenumber,

            @StoredText(max = 36) @Nullable String didGroupSid,
            @StoredText(max = 36) @KnownCallFlow @Nullable String callFlowSid,
            @PropertyValues Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides. */
        DidFields {
            properties = properties == null ? Map.of() : properties;
        }

        static DidFields of(Did did) {
            return new DidFields(
                    did.accountSid(), did.phonenumber(), did.didGroupSid(), did.callFlowSid(), did.properties());
        }
    }

    /** Meeting room: {@code account_sid} (create only) required. */
    @JsonIgnoreProperties({"meeting_room_sid", "ad_hoc", "date_created"})
    record MeetingRoomFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            @NotNull(message = REQUIRED, groups = RequestBinder.OnCreate.class)
            @StoredText(max = 36, groups = RequestBinder.OnCreate.class)
            String accountSid,

            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 255, example = "Weekly")
            @StoredText(max = 255)
            @Nullable
            String name,

            @StoredText(max = 36) @Nullable String didGroupSid,
            @AccessCodeList List<AccessCode> accessCodes,
            @PropertyValues Map<String, @Nullable String> properties) {

        /** Left out or null: no overrides, no codes. */
        MeetingRoomFields {
            properties = properties == null ? Map.of() : properties;
            accessCodes = accessCodes == null ? List.of() : accessCodes;
        }

        static MeetingRoomFields of(MeetingRoom room) {
            return new MeetingRoomFields(
                    room.accountSid(), room.name(), room.didGroupSid(), room.accessCodes(), room.properties());
        }
    }

    /** A call arrives. */
    record CallArrival(
            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "+15550001000")
            @NotNull(message = REQUIRED)
            @DialedNumber
            String numberDst,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "+15559990000")
            @DialedNumber
            @Nullable
            String numberSrc) {}

    /** The caller keyed a code; empty for a digit timeout. */
    record AccessCodeEntry(
            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.CODE_ENTRY + ")$",
                    example = "1234")
            @NotNull(message = REQUIRED)
            @KeypadEntry
            String accessCode) {}

    /** The caller pressed keys in the meeting. */
    record DtmfEntry(
            @io.swagger.v3.oas.annotations.media.Schema(pattern = "^(?:" + ValueFormats.KEYS + ")$", example = "*6")
            @NotNull(message = REQUIRED)
            @Keys
            String digits) {}

    /** Changes to a live call. */
    record CallChanges(@Nullable Boolean muted, @Nullable Boolean onHold) {}

    /** Changes to a running meeting: {@code on_hold} is role letters, {@code participant_muted} false/relaxed/true. */
    record MeetingChanges(
            @Nullable Boolean locked,
            // role letters, as in the role-set properties; empty: nobody on hold
            @OfPropertyType(PropertyType.ROLES) @Nullable String onHold,

            @Pattern(
                    regexp = ValueFormats.PARTICIPANT_MUTED,
                    message = "must be " + ValueFormats.PARTICIPANT_MUTED_RULE)
            @Nullable
            String participantMuted) {}

    /**
     * A rule release draft: the release it changes (none: from nothing), why, and per path
     * relative to the rule base the new content, or null to delete the file.
     */
    record ReleaseDraft(
            @io.swagger.v3.oas.annotations.media.Schema(pattern = "^[0-9a-f]{12}$", example = "048336cc7917")
            @Pattern(regexp = "[0-9a-f]{12}", message = "must be a release version, 12 hex digits")
            @Nullable
            String base,

            @NotNull(message = REQUIRED)
            @jakarta.validation.constraints.Size(min = 1, max = 2000, message = "must be 1..2000 characters")
            String message,

            @NotNull(message = REQUIRED) Map<String, @Nullable String> files) {}

    /** A publish; with {@code replaces}, only if that release is still the published one. */
    record Publish(
            @io.swagger.v3.oas.annotations.media.Schema(pattern = "^[0-9a-f]{12}$", example = "048336cc7917")
            @Pattern(regexp = "[0-9a-f]{12}", message = "must be a release version, 12 hex digits")
            @Nullable
            String replaces) {}

    /** What-if: a call to {@code number_dst}, with an access code if given. */
    record WhatIf(
            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "+15550001000")
            @NotNull(message = REQUIRED)
            @DialedNumber
            String numberDst,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "+15559990000")
            @DialedNumber
            @Nullable
            String numberSrc,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.CODE_ENTRY + ")$",
                    example = "1234")
            @KeypadEntry
            @Nullable
            String accessCode,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^" + RULE_RELEASE + "$",
                    example = "048336cc7917",
                    description = RULE_RELEASE_DESCRIPTION)
            @Pattern(regexp = RULE_RELEASE, message = RULE_RELEASE_RULE)
            @Nullable
            String ruleRelease) {}

    /** An event a live call's what-if tries. */
    enum InCallEvent {
        KEY_PRESS,
        HANG_UP;

        @com.fasterxml.jackson.annotation.JsonValue
        String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What-if for a live call: {@code key_press} (with {@code digits}) or {@code hang_up}. */
    record InCallWhatIf(
            @NotNull(message = REQUIRED) InCallEvent event,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.KEYS + ")$",
                    example = "*6",
                    description = "the keys pressed; required for key_press")
            @Keys
            @Nullable
            String digits,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^" + RULE_RELEASE + "$",
                    example = "048336cc7917",
                    description = RULE_RELEASE_DESCRIPTION)
            @Pattern(regexp = RULE_RELEASE, message = RULE_RELEASE_RULE)
            @Nullable
            String ruleRelease) {}
}
