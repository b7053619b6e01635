package com.callflowrules.api.requests;

import com.callflowrules.numbers.PhoneNumbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A DID's number ({@link ValueFormats#E164}): E.164, with or without its {@code +}, of a length
 * possible in its country (libphonenumber, {@link PhoneNumbers}); stored in the canonical
 * {@code +} form. {@code null} is valid, so a required field adds {@code @NotNull}.
 */
@Documented
@Pattern(regexp = ValueFormats.E164)
@ReportAsSingleViolation
@Constraint(validatedBy = E164Number.Possible.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface E164Number {

    public String message() default "must be " + ValueFormats.E164_RULE;

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};

    /** The part a pattern cannot say: a country code that exists and a length possible there. */
    public final class Possible implements ConstraintValidator<E164Number, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PhoneNumbers.canonical(value).isPresent();
        }
    }
}
