package com.callflowrules.api.rules;

import com.callflowrules.api.requests.ReleaseVersion;
import com.callflowrules.api.requests.RequestRecords;
import com.callflowrules.api.requests.ValueFormats;
import com.callflowrules.description.Example;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The request bodies of rule releases, as records, bound and described as every request record is (api.requests.RequestRecords). */
@RequestRecords
public final class ReleaseBodies {

    private static final String REQUIRED = ValueFormats.REQUIRED;

    private ReleaseBodies() {}

    /**
     * A rule release draft: the release it changes (none: from nothing), why, and per path
     * relative to the rule base the new content, or null to delete the file.
     */
    public record ReleaseDraft(
            @Example("048336cc7917") @ReleaseVersion @Nullable
            String base,

            @Example("Five attempts for secured numbers")
            @NotNull(message = REQUIRED)
            @jakarta.validation.constraints.Size(min = 1, max = 2000, message = "must be 1..2000 characters")
            String message,

            @NotNull(message = REQUIRED) Map<String, @Nullable String> files) {}

    /** A publish; with {@code replaces}, only if that release is still the published one. */
    public record Publish(
            @Example("048336cc7917") @ReleaseVersion @Nullable
            String replaces) {}
}
