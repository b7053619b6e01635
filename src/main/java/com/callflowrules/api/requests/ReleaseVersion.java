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

/** A rule release's version ({@link ValueFormats#RELEASE_VERSION}); {@code null} is valid. */
@Documented
@Pattern(regexp = ValueFormats.RELEASE_VERSION)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReleaseVersion {

    public String message() default "must be " + ValueFormats.RELEASE_VERSION_RULE;

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};
}
