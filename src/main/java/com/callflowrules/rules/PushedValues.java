package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What the last few instructions of a generated method pushed, as far as the checks care: a
 * string or int constant, or a product accessor's result. Any other instruction forgets them, so
 * a value is only ever paired with the instruction that consumes it directly.
 */
final class PushedValues {

    private static final int KEPT = 3;

    private final List<Object> values = new ArrayList<>(KEPT + 1);

    void push(Object value) {
        values.add(value);
        if (values.size() > KEPT) {
            values.remove(0);
        }
    }

    void clear() {
        values.clear();
    }

    /** The value on top, or {@code null} when none is known. */
    Object last() {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The value under the top, or {@code null}. */
    Object beforeLast() {
        return values.size() < 2 ? null : values.get(values.size() - 2);
    }

    /** Consumes the top value (a store into a local), keeping the ones under it. */
    void dropLast() {
        if (!values.isEmpty()) {
            values.remove(values.size() - 1);
        }
    }

    /** The last accessor pushed, or {@code null}. */
    ProductRead lastAccessor() {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) instanceof ProductRead accessor) {
                return accessor;
            }
        }
        return null;
    }
}
