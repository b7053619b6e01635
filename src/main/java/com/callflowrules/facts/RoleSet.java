package com.callflowrules.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A set of roles, spelled as the role-set properties spell it: one letter per role, in the order
 * {@code h}, {@code p}, {@code l} ({@code pl} for participants and listeners, empty for none).
 */
public record RoleSet(Set<Role> roles) {

    /** No role. */
    public static final RoleSet NONE = new RoleSet(Set.of());

    public RoleSet {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** The set of {@code roles}. */
    public static RoleSet of(Role first, Role... rest) {
        return new RoleSet(EnumSet.of(first, rest));
    }

    /** The set {@code letters} spells; throws naming a letter that is no role. */
    @JsonCreator
    public static RoleSet parse(String letters) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (char letter : letters.toCharArray()) {
            roles.add(Role.fromLetter(letter));
        }
        return new RoleSet(roles);
    }

    /** One letter per role, in role order. */
    @JsonValue
    public String letters() {
        StringBuilder letters = new StringBuilder();
        for (Role role : roles) {
            letters.append(role.letter());
        }
        return letters.toString();
    }

    public boolean isEmpty() {
        return roles.isEmpty();
    }

    public boolean contains(Role role) {
        return roles.contains(role);
    }
}
