package com.callflowrules.facts;

import com.callflowrules.properties.PropertySchema;
import com.callflowrules.properties.PropertyValues;
import java.util.Set;

/**
 * The value a property takes for this call, and the level and object that supplied it. The
 * typed reads let rules write {@code EffectiveProperty(key == "conference_mute_policy", roles contains $role)}.
 */
public record EffectiveProperty(String key, String value, Level level, String sourceSid) {

    public boolean on() {
        return PropertyValues.onOff(key, value);
    }

    public int seconds() {
        return PropertyValues.seconds(key, value);
    }

    public int attempts() {
        return PropertyValues.attempts(key, value);
    }

    /** What pressing this key does, from the property schema; {@code null} when it is not a binding key. */
    public Binding binding() {
        return PropertySchema.standard().binding(key);
    }

    public Set<Role> roles() {
        return PropertyValues.roles(key, value);
    }
}
