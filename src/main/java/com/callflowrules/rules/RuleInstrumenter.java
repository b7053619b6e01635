package com.callflowrules.rules;

import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Puts the decision's budget into a generated class, after {@link CompiledRuleCheck} passed it:
 * a call to {@link RuleBudget#tick()} at the start of every method, so the budget is checked
 * however the engine reaches rule code (constraints, joins over {@code from}, consequences,
 * functions); and, in the author's code, a call to {@link RuleBudget#allocated()} after every
 * call that can grow data (strings, builders, collections, string concatenation) and every array
 * made, so a rule that doubles a string thirty times stops at the first doubling past the bound.
 */
final class RuleInstrumenter {

    private static final String BUDGET = RuleBudget.class.getName().replace('.', '/');

    /** Owners whose calls can return or fill something larger than before. */
    private static final Set<String> GROWING_OWNERS = Set.of(
            "java/lang/String",
            "java/lang/StringBuilder",
            "java/util/Collection",
            "java/util/List",
            "java/util/Set",
            "java/util/Map",
            "java/util/SortedMap",
            "java/util/SortedSet",
            "java/util/ArrayList",
            "java/util/HashMap",
            "java/util/HashSet",
            "java/util/LinkedHashMap",
            "java/util/LinkedHashSet",
            "java/util/TreeMap",
            "java/util/TreeSet");

    private RuleInstrumenter() {}

    static byte[] instrument(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        String className = reader.getClassName();
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
                        boolean author = CodeRegion.of(className, access, name, descriptor) == CodeRegion.AUTHOR;
                        return new BudgetCalls(method, author);
                    }
                },
                0);
        return writer.toByteArray();
    }

    private static final class BudgetCalls extends MethodVisitor {

        private final boolean author;

        BudgetCalls(MethodVisitor method, boolean author) {
            super(Opcodes.ASM9, method);
            this.author = author;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "tick", "()V", false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            // After a constructor the object is on the stack, initialised: a static call in
            // between changes nothing the verifier sees.
            if (author && GROWING_OWNERS.contains(owner)) {
                allocated();
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
            if (author && CompiledRuleCheck.CONCAT_FACTORY.equals(bootstrap.getOwner())) {
                allocated();
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            super.visitIntInsn(opcode, operand);
            if (author && opcode == Opcodes.NEWARRAY) {
                allocated();
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, type);
            if (author && opcode == Opcodes.ANEWARRAY) {
                allocated();
            }
        }

        private void allocated() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "allocated", "()V", false);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(Math.max(maxStack, 1), maxLocals);
        }
    }
}
