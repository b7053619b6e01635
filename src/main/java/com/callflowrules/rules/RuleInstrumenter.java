package com.callflowrules.rules;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Adds a call to {@link RuleBudget#tick()} at the start of every method of a generated class,
 * after {@link CompiledRuleCheck} passed it, so that the decision budget is checked however
 * the engine reaches rule code (constraints, joins over {@code from}, consequences, functions).
 */
final class RuleInstrumenter {

    private static final String BUDGET = RuleBudget.class.getName().replace('.', '/');

    private RuleInstrumenter() {}

    static byte[] instrument(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        // Offsets move, nothing else does: the stack map frames stay valid without recomputing.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                            return method;
                        }
                        return new MethodVisitor(Opcodes.ASM9, method) {
                            @Override
                            public void visitCode() {
                                super.visitCode();
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "tick", "()V", false);
                            }

                            @Override
                            public void visitMaxs(int maxStack, int maxLocals) {
                                super.visitMaxs(Math.max(maxStack, 1), maxLocals);
                            }
                        };
                    }
                },
                0);
        return writer.toByteArray();
    }
}
