package com.callflowrules.facts;

import com.callflowrules.description.Example;
import org.jspecify.annotations.Nullable;

/**
 * A meeting room to create on the fly ({@code ad_hoc}) for an unknown access code: the code,
 * the role it grants, and its scope (the dialed DID's group, or account-wide when {@code null}).
 */
public record RoomToCreate(
        String accountSid,
        @Nullable String didGroupSid,
        @Example("1234") String accessCode,
        Role codeRole) {}
