package com.callflowrules.description;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A typical value of a record component, as the service's API description shows it. A plain
 * annotation rather than OpenAPI's own, so the records the library and the rules share carry no
 * OpenAPI vocabulary; the description's schema converter reads it. A component with none shows
 * the example its type implies (an enum's first constant, {@code false}, a time, a sid).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Example {

    /** The value, written as it goes over the wire; numbers are parsed for integer components. */
    String value();
}
