package com.callflowrules.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * The exception handlers of one generated method that could catch {@link RuleBudget}'s failure
 * (a handler of {@code Throwable}, {@code Exception}, {@code RuntimeException}, {@code Error}, or
 * a {@code finally}): each must be the one shape that cannot swallow it, what the rule compiler
 * wraps every function body in, {@code catch (Exception e) { throw new RuntimeException(e); }}.
 * {@link GeneratedMethodCheck} reports every instruction; a handler that departs from the shape
 * is refused once.
 */
final class SwallowingHandlers {

    /** Handler types that would catch the bound ({@code null}: a finally block). */
    static final Set<String> CATCH_THE_BOUND =
            Set.of("java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Error");

    private static final String WRAPPER = "java/lang/RuntimeException";

    /** The wrap-and-rethrow, one instruction at a time: an opcode and, where it matters, its operand. */
    private static final List<Step> RETHROW = List.of(
            new Step(Opcodes.ASTORE, null),
            new Step(Opcodes.NEW, WRAPPER),
            new Step(Opcodes.DUP, null),
            new Step(Opcodes.ALOAD, null),
            new Step(Opcodes.INVOKESPECIAL, WRAPPER + ".<init>(Ljava/lang/Throwable;)V"),
            new Step(Opcodes.ATHROW, null));

    private record Step(int opcode, String operand) {}

    private final Map<Label, String> handlers = new HashMap<>();
    /** The handler being read, and how far into the shape it is; null when none is. */
    private String watched;

    private int step = -1;

    /** A try-catch block: whether its handler is one to watch (else its type is checked as any type). */
    boolean handler(Label handler, String type) {
        if (type == null || CATCH_THE_BOUND.contains(type)) {
            handlers.put(handler, type == null ? "" : type);
            return true;
        }
        return false;
    }

    void label(Label label) {
        String type = handlers.get(label);
        if (type != null) {
            watched = type;
            step = 0;
        }
    }

    /**
     * The next instruction ({@code operand} the type or member it names, or null): the refusal if
     * a watched handler departs from the shape here, else null.
     */
    String instruction(int opcode, String operand) {
        if (step < 0) {
            return null;
        }
        Step expected = RETHROW.get(step);
        if (expected.opcode() == opcode
                && (expected.operand() == null || expected.operand().equals(operand))) {
            step = step + 1 == RETHROW.size() ? -1 : step + 1;
            return null;
        }
        step = -1;
        return (watched.isEmpty() ? "a finally block" : "catching " + watched.replace('/', '.'))
                + " is refused: it would catch the decision's bound and let the rule go on;"
                + " catch a narrower exception such as IllegalArgumentException";
    }

    /** The end of the method: a watched handler that ended before its rethrow. */
    String end() {
        return instruction(-1, null);
    }
}
