package com.callflowrules.api;

import java.util.List;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic on every path but {@code /actuator/health}; credentials come from
 * {@code spring.security.user.*}. Stateless: no session, no CSRF token (no browser forms).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The configured API user, its password kept as a digest (see {@link CredentialDigestEncoder}). */
    @Bean
    UserDetailsService apiUsers(SecurityProperties properties, PasswordEncoder encoder) {
        SecurityProperties.User user = properties.getUser();
        return new InMemoryUserDetailsManager(User.withUsername(user.getName())
                .password(encoder.encode(user.getPassword()))
                .roles(user.getRoles().toArray(String[]::new))
                .build());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new CredentialDigestEncoder();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setHeader("WWW-Authenticate", "Basic realm=\"callflow-rules\"");
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
