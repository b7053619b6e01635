package com.callflowrules.facts;

import java.util.Objects;
import java.util.Set;

/**
 * What an in-call binding key does: the {@code action} a press reports, the roles that may
 * press it, the on/off property that must be on for it to work ({@code null}: none), and the
 * live {@link InCallEffect effect} carrying it out has.
 */
public record Binding(String action, Set<Role> roles, String requires, InCallEffect effect) {

    public Binding {
        Objects.requireNonNull(action, "action");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(effect, "effect");
    }

    /** Whether {@code role} may press this binding. */
    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
