package com.callflowrules.api.requests;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text every supported store can keep: 1 to {@link #max} characters, no control characters
 * (PostgreSQL keeps no NUL; line breaks break logs and headers) and no lone surrogate (that is no
 * text). {@code null} is valid, so a required field adds {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = StoredText.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface StoredText {

    public int max();

    public String message() default "must be 1 to {max} characters";

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};

    /** The length as the message says; text no store can keep with its own reason. */
    public final class Check implements ConstraintValidator<StoredText, String> {

        private int max;

        @Override
        public void initialize(StoredText annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            if (text.isEmpty() || text.length() > max) {
                return false;
            }
            String unstorable = unstorable(text);
            if (unstorable != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(unstorable).addConstraintViolation();
                return false;
            }
            return true;
        }

        /** Why no store can keep {@code text}, or {@code null} when every one can (the reason holds no braces). */
        static String unstorable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c)) {
                    return "must not contain control characters (found U+" + String.format("%04X", (int) c) + " at " + i
                            + ")";
                }
                if (Character.isHighSurrogate(c)
                                && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                        || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                    return "must be valid Unicode text (a lone surrogate at " + i + ")";
                }
            }
            return null;
        }
    }
}
