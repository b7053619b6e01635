package com.callflowrules.facts;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a property's text reads as a typed value, and what a key does when pressed: the property
 * schema's answers, given to the rules as a fact of every decision (the rule base inserts the
 * schema it was built with), so the vocabulary names no schema of its own. Each read checks the
 * value against the type the key has and throws, naming the key, for one it cannot have.
 */
public interface PropertyReads {

    boolean onOff(String key, String value);

    int seconds(String key, String value);

    int attempts(String key, String value);

    Set<Role> roles(String key, String value);

    StartHow startHow(String key, String value);

    StopHow stopHow(String key, String value);

    /** What pressing {@code key} does; {@code null} when it is not a binding key (or not a key). */
    @Nullable
    Binding binding(String key);
}
