package com.callflowrules.api;

import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entity tags of configuration objects, for conditional writes: every answer carrying an account,
 * DID group, DID or room has an {@code ETag} (a digest of the object as served), and a
 * {@code PATCH} or {@code PUT} with {@code If-Match} is carried out only if the object, read
 * under its row lock, still has that tag (else 412, nothing changed).
 */
@ControllerAdvice
class EntityTags implements ResponseBodyAdvice<Object> {

    private final JsonMapper json;

    EntityTags(JsonMapper json) {
        this.json = json;
    }

    /** The tag of {@code object} as served. */
    String of(Object object) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(object));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Throws {@link PreconditionFailedException} when the request being served has an
     * {@code If-Match} that is not {@code *} and names no tag of {@code current}.
     */
    void requireMatch(Object current) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return;
        }
        String tag = of(current);
        for (String candidate : ifMatch.split(",")) {
            if (candidate.strip().equals(tag)) {
                return;
            }
        }
        throw new PreconditionFailedException("the object has changed since " + ifMatch.strip() + "; it is now " + tag);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof Account || body instanceof Did || body instanceof DidGroup || body instanceof MeetingRoom) {
            response.getHeaders().setETag(of(body));
        }
        return body;
    }

    /** An {@code If-Match} that no longer holds. */
    static final class PreconditionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreconditionFailedException(String message) {
            super(message);
        }
    }
}
