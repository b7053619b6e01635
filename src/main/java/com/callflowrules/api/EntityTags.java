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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entity tags of configuration objects, for conditional requests: every answer carrying an
 * account, DID group, DID or room has an {@code ETag} (a digest of the object as served); a
 * {@code GET} with {@code If-None-Match} naming it is answered 304 without a body; a
 * {@code PATCH}, {@code PUT} or {@code DELETE} with {@code If-Match} is carried out only if the
 * object, read under its row lock, still has that tag (else 412, nothing changed). A create
 * (201) says where the new object is ({@code Location}).
 */
@ControllerAdvice
public class EntityTags implements ResponseBodyAdvice<Object> {

    private final JsonMapper json;

    public EntityTags(JsonMapper json) {
        this.json = json;
    }

    /** The tag of {@code object} as served. */
    public String of(Object object) {
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
    public void requireMatch(Object current) {
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
        String sid = sidOf(body);
        if (sid == null) {
            return body;
        }
        String tag = of(body);
        response.getHeaders().setETag(tag);
        String method = request.getMethod().name();
        if (method.equals("POST")) {
            // a create: where the new object is
            response.getHeaders()
                    .setLocation(UriComponentsBuilder.fromUri(request.getURI())
                            .replaceQuery(null)
                            .pathSegment(sid)
                            .build()
                            .toUri());
        } else if (method.equals("GET") && notModified(request.getHeaders().getIfNoneMatch(), tag)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return null;
        }
        return body;
    }

    private static String sidOf(Object body) {
        if (body instanceof Account account) {
            return account.accountSid();
        }
        if (body instanceof Did did) {
            return did.didSid();
        }
        if (body instanceof DidGroup group) {
            return group.didGroupSid();
        }
        if (body instanceof MeetingRoom room) {
            return room.meetingRoomSid();
        }
        return null;
    }

    private static boolean notModified(java.util.List<String> ifNoneMatch, String tag) {
        return ifNoneMatch.stream().anyMatch(candidate -> candidate.equals("*") || candidate.equals(tag));
    }

    /** An {@code If-Match} that no longer holds. */
    public static final class PreconditionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreconditionFailedException(String message) {
            super(message);
        }
    }
}
