package com.callflowrules.api.calls;

import com.callflowrules.api.requests.DialedNumber;
import com.callflowrules.api.requests.KeypadEntry;
import com.callflowrules.api.requests.Keys;
import com.callflowrules.api.requests.OfPropertyType;
import com.callflowrules.api.requests.ReleaseVersion;
import com.callflowrules.api.requests.RequestRecords;
import com.callflowrules.api.requests.ValueFormats;
import com.callflowrules.description.Example;
import com.callflowrules.facts.Spelled;
import com.callflowrules.properties.PropertyType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of call control, live meetings and what-ifs, as records: the OpenAPI
 * description shows them and Spring binds them ({@code @RequestBody @Valid}), so the description
 * and the validation cannot drift apart. Field names are snake_case on the wire.
 */
@RequestRecords
public final class CallBodies {

    private static final String REQUIRED = ValueFormats.REQUIRED;
    private static final String RULE_RELEASE_DESCRIPTION =
            "decide with this rule release instead of the one running (left out: the running one)";

    private CallBodies() {}

    /** A call arrives. */
    public record CallArrival(
            @Example("+15550001000") @NotNull(message = REQUIRED) @DialedNumber
            String numberDst,

            @Example("+15559990000") @DialedNumber @Nullable String numberSrc) {}

    /** The caller keyed a code; empty for a digit timeout. */
    public record AccessCodeEntry(
            @Example("1234") @NotNull(message = REQUIRED) @KeypadEntry
            String accessCode) {}

    /** The caller pressed keys in the meeting. */
    public record DtmfEntry(
            @Example("*6") @NotNull(message = REQUIRED) @Keys
            String digits) {}

    /** Changes to a live call. */
    public record CallChanges(
            @Nullable Boolean muted, @Nullable Boolean onHold) {}

    /** Changes to a running meeting: {@code on_hold} is role letters, {@code participant_muted} false/relaxed/true. */
    public record MeetingChanges(
            @Nullable Boolean locked,
            // role letters, as in the role-set properties; empty: nobody on hold
            @Example("pl") @OfPropertyType(PropertyType.ROLES) @Nullable
            String onHold,

            @Example("relaxed")
            @Pattern(
                    regexp = ValueFormats.PARTICIPANT_MUTED,
                    message = "must be " + ValueFormats.PARTICIPANT_MUTED_RULE)
            @Nullable
            String participantMuted) {}

    /** What-if: a call to {@code number_dst}, with an access code if given. */
    public record WhatIf(
            @Example("+15550001000") @NotNull(message = REQUIRED) @DialedNumber
            String numberDst,

            @Example("+15559990000") @DialedNumber @Nullable String numberSrc,

            @Example("1234") @KeypadEntry @Nullable String accessCode,

            @Example("048336cc7917")
            @io.swagger.v3.oas.annotations.media.Schema(description = RULE_RELEASE_DESCRIPTION)
            @ReleaseVersion
            @Nullable
            String ruleRelease) {}

    /** An event a live call's what-if tries. */
    public enum InCallEvent implements Spelled {
        KEY_PRESS,
        HANG_UP
    }

    /** What-if for a live call: {@code key_press} (with {@code digits}) or {@code hang_up}. */
    public record InCallWhatIf(
            @NotNull(message = REQUIRED) InCallEvent event,

            @Example("*6")
            @io.swagger.v3.oas.annotations.media.Schema(description = "the keys pressed; required for key_press")
            @Keys
            @Nullable
            String digits,

            @Example("048336cc7917")
            @io.swagger.v3.oas.annotations.media.Schema(description = RULE_RELEASE_DESCRIPTION)
            @ReleaseVersion
            @Nullable
            String ruleRelease) {}
}
