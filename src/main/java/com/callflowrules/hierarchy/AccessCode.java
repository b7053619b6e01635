package com.callflowrules.hierarchy;

/** An access code of a meeting room and the role it grants. */
public record AccessCode(String accessCode, Role role) {
}
