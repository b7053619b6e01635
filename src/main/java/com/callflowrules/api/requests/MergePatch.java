package com.callflowrules.api.requests;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7386): a member of the patch replaces the target's, an object merges
 * into the target's object member by member, and {@code null} removes the member. Jackson has
 * no merge patch of its own, and the JSON-P one works on another tree model.
 */
public final class MergePatch {

    private MergePatch() {}

    /** The target with the patch applied; neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result =
                target instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        patch.properties().forEach(member -> {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                JsonNode current = result.get(member.getKey());
                result.set(
                        member.getKey(), apply(current == null ? NullNode.getInstance() : current, member.getValue()));
            }
        });
        return result;
    }
}
