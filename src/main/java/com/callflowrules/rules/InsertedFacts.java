package com.callflowrules.rules;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Which fact types each rule's consequence inserts, read from the generated classes: at every
 * call of the model's {@code insert}, ASM's data-flow analyzer gives the static type of the
 * argument on the stack. A type the analysis cannot tell ({@code Object}) is reported as such.
 */
final class InsertedFacts {

    /** The type recorded when the analysis cannot tell what is inserted. */
    static final String UNKNOWN = "java.lang.Object";

    private static final Set<String> INSERT_OWNERS =
            Set.of("org/drools/model/Drools", "org/drools/model/DroolsEntryPoint");

    private InsertedFacts() {}

    /** Rule name to the class names (with dots) its consequence inserts. */
    static Map<String, Set<String>> byRule(Map<String, byte[]> classes, CompiledRuleCheck check) {
        Map<String, Set<String>> byRule = new HashMap<>();
        classes.forEach((resource, bytes) -> {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            for (MethodNode method : node.methods) {
                if (!callsInsert(method)) {
                    continue;
                }
                String rule = check.ruleOf(node.name, method.name);
                if (rule != null) {
                    byRule.computeIfAbsent(rule, r -> new LinkedHashSet<>()).addAll(inserted(node.name, method));
                }
            }
        });
        return byRule;
    }

    private static boolean callsInsert(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (isInsert(insn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInsert(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call && INSERT_OWNERS.contains(call.owner) && call.name.equals("insert");
    }

    private static Set<String> inserted(String owner, MethodNode method) {
        Set<String> types = new LinkedHashSet<>();
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<>(new ExactTypes()).analyze(owner, method);
        } catch (AnalyzerException e) {
            return Set.of(UNKNOWN);
        }
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (isInsert(insns[i]) && frames[i] != null) {
                Frame<BasicValue> frame = frames[i];
                Type argument = frame.getStack(frame.getStackSize() - 1).getType();
                types.add(argument == null || argument.getSort() != Type.OBJECT ? UNKNOWN : argument.getClassName());
            }
        }
        return types;
    }

    /** Keeps the exact reference type of every value; two different types merge to Object. */
    private static final class ExactTypes extends BasicInterpreter {
        private static final BasicValue OBJECT = new BasicValue(Type.getObjectType("java/lang/Object"));

        ExactTypes() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newValue(Type type) {
            if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                return new BasicValue(type);
            }
            return super.newValue(type);
        }

        @Override
        public BasicValue merge(BasicValue value1, BasicValue value2) {
            if (value1.equals(value2)) {
                return value1;
            }
            return value1.isReference() && value2.isReference() ? OBJECT : BasicValue.UNINITIALIZED_VALUE;
        }
    }
}
