package com.callflowrules.api.requests;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A dialed or calling number as a call router reports it ({@link ValueFormats#DIALED_NUMBER}); {@code null} is valid, so a required field adds {@code @NotNull}. */
@Documented
@Pattern(regexp = ValueFormats.DIALED_NUMBER)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DialedNumber {

    public String message() default "must be " + ValueFormats.DIALED_NUMBER_RULE;

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};
}
