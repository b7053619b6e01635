package com.callflowrules.rules;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What {@link GeneratedMethodCheck} tracks while it walks one method's instructions, apart from
 * what it checks them against: the labels seen so far (a jump or a switch to one of them is a
 * loop, refused), the constants just pushed ({@link PushedValues}), and the exception handlers
 * whose code could swallow the decision's bound ({@link SwallowingHandlers}). Each instruction is
 * reported to the handler watch before it is checked.
 */
abstract class InstructionTracker extends MethodVisitor {

    final PushedValues pushed = new PushedValues();
    final SwallowingHandlers handlers = new SwallowingHandlers();
    private final Set<Label> seen = new HashSet<>();

    InstructionTracker() {
        super(Opcodes.ASM9);
    }

    /** Refuses the method being walked, with the reason an author reads. */
    abstract void refuse(String what);

    @Override
    public void visitLabel(Label label) {
        seen.add(label);
        handlers.label(label);
    }

    /** Reports the next instruction to the handler watch; refuses a handler that could swallow the bound. */
    final void handlerStep(int opcode, String operand) {
        String refusal = handlers.instruction(opcode, operand);
        if (refusal != null) {
            refuse(refusal);
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        handlerStep(-1, null);
        if (seen.contains(label)) {
            refuse("a loop is refused: a decision must end in bounded time; match facts with patterns"
                    + " (or 'from') instead of looping over them");
        }
        pushed.clear();
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        backwardSwitch(dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        backwardSwitch(dflt, labels);
    }

    private void backwardSwitch(Label dflt, Label[] labels) {
        handlerStep(-1, null);
        boolean backward = seen.contains(dflt);
        for (Label label : labels) {
            backward |= seen.contains(label);
        }
        if (backward) {
            refuse("a loop is refused: a decision must end in bounded time");
        }
        pushed.clear();
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        handlerStep(-1, null);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        handlerStep(opcode, null);
        if (opcode == Opcodes.ISTORE) {
            pushed.dropLast();
        } else {
            pushed.clear();
        }
    }
}
