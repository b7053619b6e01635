package com.callflowrules.api.requests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose nested records are request bodies, so the description requires of them
 * only what their constraints require, and, for {@link #mergePatched()} bodies, nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequestRecords {

    /** Whether a PATCH sends these bodies too (a merge patch: any subset of the fields). */
    public boolean mergePatched() default false;
}
