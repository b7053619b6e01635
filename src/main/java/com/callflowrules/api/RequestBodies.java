package com.callflowrules.api;

import com.callflowrules.properties.PropertyType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of call control, meetings, what-ifs and rule releases, as records: the
 * OpenAPI description shows them and Spring binds them ({@code @RequestBody @Valid}), so the
 * description and the validation cannot drift apart. Field names are snake_case on the wire.
 * The configuration objects' bodies are {@link ConfigurationBodies}.
 */
final class RequestBodies {

    /** The message of every required field left out, in every body. */
    static final String REQUIRED = "is required";

    private static final String RULE_RELEASE_DESCRIPTION =
            "decide with this rule release instead of the one running (left out: the running one)";

    private RequestBodies() {}

    /** A call arrives. */
    record CallArrival(
            @io.swagger.v3.oas.annotations.media.Schema(example = "+15550001000")
            @NotNull(message = REQUIRED)
            @DialedNumber
            String numberDst,

            @io.swagger.v3.oas.annotations.media.Schema(example = "+15559990000") @DialedNumber @Nullable
            String numberSrc) {}

    /** The caller keyed a code; empty for a digit timeout. */
    record AccessCodeEntry(
            @io.swagger.v3.oas.annotations.media.Schema(example = "1234") @NotNull(message = REQUIRED) @KeypadEntry
            String accessCode) {}

    /** The caller pressed keys in the meeting. */
    record DtmfEntry(
            @io.swagger.v3.oas.annotations.media.Schema(example = "*6") @NotNull(message = REQUIRED) @Keys
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
            @io.swagger.v3.oas.annotations.media.Schema(example = "048336cc7917") @ReleaseVersion @Nullable
            String base,

            @NotNull(message = REQUIRED)
            @jakarta.validation.constraints.Size(min = 1, max = 2000, message = "must be 1..2000 characters")
            String message,

            @NotNull(message = REQUIRED) Map<String, @Nullable String> files) {}

    /** A publish; with {@code replaces}, only if that release is still the published one. */
    record Publish(
            @io.swagger.v3.oas.annotations.media.Schema(example = "048336cc7917") @ReleaseVersion @Nullable
            String replaces) {}

    /** What-if: a call to {@code number_dst}, with an access code if given. */
    record WhatIf(
            @io.swagger.v3.oas.annotations.media.Schema(example = "+15550001000")
            @NotNull(message = REQUIRED)
            @DialedNumber
            String numberDst,

            @io.swagger.v3.oas.annotations.media.Schema(example = "+15559990000") @DialedNumber @Nullable
            String numberSrc,

            @io.swagger.v3.oas.annotations.media.Schema(example = "1234") @KeypadEntry @Nullable
            String accessCode,

            @io.swagger.v3.oas.annotations.media.Schema(
                    example = "048336cc7917",
                    description = RULE_RELEASE_DESCRIPTION)
            @ReleaseVersion
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
                    example = "*6",
                    description = "the keys pressed; required for key_press")
            @Keys
            @Nullable
            String digits,

            @io.swagger.v3.oas.annotations.media.Schema(
                    example = "048336cc7917",
                    description = RULE_RELEASE_DESCRIPTION)
            @ReleaseVersion
            @Nullable
            String ruleRelease) {}
}
