package com.callflowrules.api.requests;

import com.callflowrules.api.BadParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter the operation does not take (400 naming it), so that a filter that
 * does not apply ({@code GET /accounts?account_sid=...}) is not silently ignored.
 */
public class QueryParameterCheck implements HandlerInterceptor {

    /** The API's controllers, in the feature packages under the API's root package. */
    private static final String API = BadParameterException.class.getPackageName() + ".";

    /** The parameters of each operation, read once: this runs on every request. */
    private final Map<java.lang.reflect.Method, Set<String>> acceptedByOperation = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith(API)
                || request.getParameterMap().isEmpty()) {
            return true;
        }
        Set<String> accepted = acceptedByOperation.computeIfAbsent(method.getMethod(), m -> accepted(method));
        for (String name : request.getParameterMap().keySet()) {
            if (!accepted.contains(name)) {
                throw new BadParameterException(
                        name,
                        accepted.isEmpty()
                                ? "is not a parameter of this operation (it takes none)"
                                : "is not a parameter of this operation (it takes "
                                        + String.join(", ", new java.util.TreeSet<>(accepted)) + ")");
            }
        }
        return true;
    }

    private static Set<String> accepted(HandlerMethod method) {
        Set<String> accepted = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty()
                        ? param.name()
                        : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                accepted.add(name);
            }
        }
        return Set.copyOf(accepted);
    }
}
