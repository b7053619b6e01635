package com.callflowrules.rules;

import org.objectweb.asm.Type;

/**
 * A product method's result on a generated method's stack, as the meaning checks follow it: a
 * no-argument accessor ({@code EffectiveProperty.key()}), or a read by a constant property key
 * ({@code EffectiveProperties.value("did_language")}, {@code key} not null).
 */
record ProductRead(String owner, String name, String key) {

    ProductRead(String owner, String name) {
        this(owner, name, null);
    }

    /**
     * What calling {@code owner.name descriptor} with {@code argument} on top of the stack leaves
     * that the checks follow, or {@code null}. A keyed read matters because what it is compared
     * with must fit the key's type ({@code value("conference_start_how") == "hots"}).
     */
    static ProductRead of(String owner, String name, String descriptor, Object argument) {
        if (Type.getReturnType(descriptor).getSort() == Type.VOID) {
            return null;
        }
        if (isAccessor(owner, descriptor)) {
            return new ProductRead(owner, name);
        }
        return argument instanceof String key && isKeyedRead(owner, descriptor)
                ? new ProductRead(owner, name, key)
                : null;
    }

    /**
     * A no-argument method of a product class. Only the package and the descriptor are checked;
     * whether the method is a record component is not, and the meaning checks look at the
     * accessors they know by name.
     */
    static boolean isAccessor(String owner, String descriptor) {
        return owner.startsWith("com/callflowrules/") && descriptor.startsWith("()");
    }

    /** A product method that takes one string and returns a value, as the property reads do. */
    static boolean isKeyedRead(String owner, String descriptor) {
        return owner.startsWith("com/callflowrules/")
                && descriptor.startsWith("(Ljava/lang/String;)")
                && Type.getReturnType(descriptor).getSort() != Type.VOID;
    }
}
