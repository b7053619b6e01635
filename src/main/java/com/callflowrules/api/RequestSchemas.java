package com.callflowrules.api;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.properties.PropertyType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies, as records: the OpenAPI description shows them, and each controller takes
 * the fields it accepts from them ({@link #fields}), so the description and the validation cannot
 * drift apart. Field names are written in snake_case on the wire. The call-control, what-if and
 * meeting bodies are bound to these records ({@code @RequestBody @Valid}) and checked by their
 * Bean Validation constraints; the hierarchy bodies, which PATCH merges field by field, are still
 * read as JSON by {@link RequestFields}.
 */
final class RequestSchemas {

    private static final String REQUIRED = "is required";

    private RequestSchemas() {}

    /** Account: {@code name} required on create; {@code call_flow_sid} by sid or name. */
    record AccountFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 255, example = "Acme")
            String name,

            @Nullable String callFlowSid,
            Map<String, @Nullable String> properties) {}

    /** DID group: {@code account_sid} (create only) and {@code name} required. */
    record DidGroupFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            String accountSid,

            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 255, example = "Sales")
            String name,

            @Nullable String callFlowSid,
            Map<String, @Nullable String> properties) {}

    /** DID: {@code account_sid} (create only) and {@code phonenumber} (E.164 digits, no +) required. */
    record DidFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            String accountSid,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.E164 + ")$",
                    example = "15550001000")
            String phonenumber,

            @Nullable String didGroupSid,
            @Nullable String callFlowSid,
            Map<String, @Nullable String> properties) {}

    /** Meeting room: {@code account_sid} (create only) required. */
    record MeetingRoomFields(
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 36)
            String accountSid,

            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 255, example = "Weekly")
            String name,

            @Nullable String didGroupSid,
            List<AccessCode> accessCodes,
            Map<String, @Nullable String> properties) {}

    /** A call arrives. */
    record CallArrival(
            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "15550001000")
            @NotNull(message = REQUIRED)
            @DialedNumber
            String numberDst,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "15559990000")
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

    /** What-if: a call to {@code number_dst}, with an access code if given. */
    record WhatIf(
            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "15550001000")
            @NotNull(message = REQUIRED)
            @DialedNumber
            String numberDst,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.DIALED_NUMBER + ")$",
                    example = "15559990000")
            @DialedNumber
            @Nullable
            String numberSrc,

            @io.swagger.v3.oas.annotations.media.Schema(
                    pattern = "^(?:" + ValueFormats.CODE_ENTRY + ")$",
                    example = "1234")
            @KeypadEntry
            @Nullable
            String accessCode) {}

    /** The snake_case names of {@code schema}'s fields, less {@code except}. */
    static Set<String> fields(Class<? extends Record> schema, String... except) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : schema.getRecordComponents()) {
            names.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        names.removeAll(Arrays.asList(except));
        return names;
    }
}
