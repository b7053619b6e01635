package com.callflowrules.api.security;

import com.callflowrules.api.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic on every path but {@code /actuator/health}; credentials come from
 * {@code spring.security.user.*} and {@code callflow.users.*}, roles decide the writes. Stateless: no session, no CSRF token (no browser forms).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The API users: {@code spring.security.user} and every {@code callflow.users.<name>}, their
     * passwords kept as digests (see {@link CredentialDigestEncoder}).
     */
    @Bean
    public UserDetailsService apiUsers(
            SecurityProperties properties, ApiUsersProperties more, PasswordEncoder encoder) {
        SecurityProperties.User user = properties.getUser();
        List<UserDetails> users = new ArrayList<>();
        users.add(User.withUsername(user.getName())
                .password(encoder.encode(user.getPassword()))
                .roles(user.getRoles().stream()
                        .map(r -> r.toUpperCase(Locale.ROOT))
                        .toArray(String[]::new))
                .build());
        more.users()
                .forEach((name, apiUser) -> users.add(User.withUsername(name)
                        .password(apiUser.passwordSha256())
                        .roles(apiUser.roles().stream()
                                .map(r -> r.toUpperCase(Locale.ROOT))
                                .toArray(String[]::new))
                        .build()));
        return new InMemoryUserDetailsManager(users);
    }

    /** An admin may do what an analyst and an approver may. */
    @Bean
    public static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_APPROVER\nROLE_ADMIN > ROLE_ANALYST");
    }

    /**
     * No observation of the security filters, authentication or authorization. Boot's
     * {@code management.observations.enable.spring.security=false} only makes them no-ops: each
     * of the ~15 filters is still wrapped and creates one per request.
     */
    @Bean
    public static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new CredentialDigestEncoder();
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        // reads are open to every user; each write to the role whose work it is (docs/api.md, Roles)
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // the workbench's files hold no data; everything it shows comes from the API
                        .requestMatchers(HttpMethod.GET, "/workbench", "/workbench/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/conference/v2/rule_releases/*/approve",
                                "/conference/v2/rule_releases/*/publish",
                                "/conference/v2/rules/reload",
                                "/conference/v2/rules/rollback")
                        .hasRole("APPROVER")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/conference/v2/rule_releases",
                                "/conference/v2/rules/validate",
                                "/conference/v2/decisions",
                                "/conference/v2/calls/*/what_if")
                        .hasRole("ANALYST")
                        .anyRequest()
                        .hasRole("ADMIN"))
                .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, e) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    json.writeValue(
                            response.getOutputStream(),
                            new ApiError(
                                    403,
                                    "forbidden",
                                    "the user "
                                            + (request.getUserPrincipal() == null
                                                    ? ""
                                                    : request.getUserPrincipal().getName() + " ")
                                            + "has no role that may " + request.getMethod() + " "
                                            + request.getRequestURI(),
                                    List.of()));
                }))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    // a page's script signs in with its own form: no browser dialog for it
                    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"callflow-rules\"");
                    }
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    json.writeValue(
                            response.getOutputStream(),
                            new ApiError(
                                    401, "unauthorized", "HTTP Basic credentials are missing or wrong", List.of()));
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable())
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
