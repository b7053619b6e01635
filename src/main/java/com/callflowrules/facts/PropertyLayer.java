package com.callflowrules.facts;

import java.util.Map;

/**
 * The property values one level of the hierarchy sets for this call, with the rank the rules
 * give that level: where two layers set a key, the higher rank wins.
 */
public record PropertyLayer(Level level, int rank, String sourceSid, Map<String, String> values) {

    public PropertyLayer {
        values = Map.copyOf(values);
    }
}
