package com.callflowrules.api.openapi;

import com.callflowrules.api.requests.DialedNumber;
import com.callflowrules.api.requests.OfPropertyType;
import com.callflowrules.api.requests.ValueFormats;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The pattern a record component's constraint checks, for the description to state: each format
 * is written once, on its constraint ({@code @Pattern}, a constraint composed of one such as
 * {@link DialedNumber}, or {@link OfPropertyType}), never again beside it in {@code @Schema}.
 * Stated anchored, since a JSON Schema pattern matches anywhere in the value.
 */
public final class ConstraintPatterns {

    private ConstraintPatterns() {}

    /** The anchored pattern of {@code component}'s constraint, or {@code null} when it has none. */
    public static @Nullable String of(RecordComponent component) {
        // @Pattern does not target record components: Java puts it on the type and the accessor
        List<Annotation> annotations = new ArrayList<>(List.of(component.getAnnotations()));
        annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
        for (Annotation annotation : annotations) {
            if (annotation instanceof Pattern pattern) {
                return ValueFormats.anchored(pattern.regexp());
            }
            if (annotation instanceof OfPropertyType type) {
                return type.value().anchoredPattern();
            }
            Pattern composed = annotation.annotationType().getAnnotation(Pattern.class);
            if (composed != null) {
                return ValueFormats.anchored(composed.regexp());
            }
        }
        return null;
    }
}
