package com.callflowrules.api.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callflow.users.<name>.*}: API users besides {@code spring.security.user}, each with a
 * SHA-256 digest of its password (never the password) and its roles.
 *
 * @param users API users besides {@code spring.security.user}, by user name, each with
 *              {@code password-sha256} (the SHA-256 of the password, in hex) and {@code roles}
 */
@ConfigurationProperties("callflow")
public record ApiUsersProperties(Map<String, ApiUser> users) {

    /** The roles the API knows; {@code admin} has the other two as well. */
    public static final Set<String> ROLES = Set.of("analyst", "approver", "admin");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiUsersProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        users.forEach((name, user) -> {
            if (user.passwordSha256() == null
                    || !SHA256_HEX.matcher(user.passwordSha256()).matches()) {
                throw new IllegalArgumentException("callflow.users." + name
                        + ".password-sha256 must be the SHA-256 of the password, 64 lower-case hex digits"
                        + " (printf %s 'the-password' | sha256sum)");
            }
            if (user.roles() == null || user.roles().isEmpty()) {
                throw new IllegalArgumentException(
                        "callflow.users." + name + ".roles must name at least one of " + ROLES);
            }
            user.roles().forEach(role -> {
                if (!ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(
                            "callflow.users." + name + ".roles: " + role + " is not one of " + ROLES);
                }
            });
        });
    }

    /**
     * One user.
     *
     * @param passwordSha256 the SHA-256 of the password, in hex
     * @param roles          some of {@code analyst}, {@code approver}, {@code admin}
     */
    public record ApiUser(String passwordSha256, List<String> roles) {}
}
