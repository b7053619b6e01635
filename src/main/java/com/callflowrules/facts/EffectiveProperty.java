package com.callflowrules.facts;

import org.jspecify.annotations.Nullable;

/**
 * The value a property takes for this call, and the level and object that supplied it; for a
 * binding key, what pressing it does ({@code binding}, from the property schema). Typed reads of
 * the value are {@link EffectiveProperties}' ({@code seconds("conference_start_wait")}).
 */
public record EffectiveProperty(
        String key,
        String value,
        Level level,
        String sourceSid,
        @Nullable Binding binding) {}
