package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The check that decides what a rule base may do: every class the build generated (rules,
 * constraints, consequences, functions, declared types, the model scaffolding) is read with ASM
 * before any of it is loaded, and every type, method and field it references must be on the
 * {@link RuleAllowList}. It also refuses what would let a decision run unbounded: loops
 * (backward jumps), recursion among generated methods, arrays of a size that is not a small
 * constant, and regular expressions that are not constants or could backtrack exponentially.
 * Source text plays no part in the verdict; it only locates a refusal for the author.
 */
final class CompiledRuleCheck {

    /** Largest array a rule may create; the generated model uses one per rule list. */
    static final int MAX_ARRAY = 10_000;

    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";
    private static final String RULE_FACTORY_OWNER = "org/drools/modelcompiler/dsl/pattern/D";

    /** One refused reference, with the generated method it was found in. */
    record Finding(String className, String method, String what) {}

    private final Set<String> generated = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    /** method key -> methods it calls or creates lambdas of, among generated ones. */
    private final Map<String, Set<String>> calls = new HashMap<>();
    /** generated class -> rule name of the rule method that references it. */
    private final Map<String, String> ruleOfClass = new HashMap<>();
    /** method key (class.method) -> rule name, for methods that define a rule. */
    private final Map<String, String> ruleOfMethod = new HashMap<>();

    private final List<ConstantUse> constantUses = new ArrayList<>();
    /** generated class -> generated classes that name it. */
    private final Map<String, Set<String>> namers = new HashMap<>();

    /**
     * A string constant a generated method compares with a product accessor (a property key,
     * an action name): the raw material of the meaning checks.
     */
    record ConstantUse(String className, String method, String accessor, String operator, String value) {}

    private CompiledRuleCheck(Map<String, byte[]> classes) {
        classes.keySet().forEach(name -> generated.add(internalName(name)));
    }

    /** Checks {@code classes} (resource name to bytes) and returns what was refused and what was compared. */
    static CompiledRuleCheck run(Map<String, byte[]> classes) {
        CompiledRuleCheck check = new CompiledRuleCheck(classes);
        classes.values().forEach(bytes -> new ClassReader(bytes).accept(check.new ClassCheck(), 0));
        check.findRecursion();
        return check;
    }

    List<Finding> findings() {
        return findings;
    }

    List<ConstantUse> constantUses() {
        return constantUses;
    }

    /** The rule a generated method defines, if it is a rule method. */
    String ruleOfMethod(String className, String method) {
        return ruleOfMethod.get(className + "." + method);
    }

    /** The rule a generated class or method belongs to, if it can be told. */
    String ruleOf(String className, String method) {
        String rule = ruleOfMethod.get(className + "." + method);
        return rule != null ? rule : ruleOfClass(className, new HashSet<>());
    }

    /** The rule of a class, or of the nearest class that names it (a nested class, a helper). */
    private String ruleOfClass(String className, Set<String> visited) {
        if (!visited.add(className)) {
            return null;
        }
        String rule = ruleOfClass.get(className);
        int nested = className.indexOf('$');
        if (rule == null && nested > 0) {
            rule = ruleOfClass(className.substring(0, nested), visited);
        }
        for (String namer : namers.getOrDefault(className, Set.of())) {
            if (rule == null) {
                rule = ruleOfClass(namer, visited);
            }
        }
        return rule;
    }

    private static String internalName(String resource) {
        return resource.endsWith(".class") ? resource.substring(0, resource.length() - ".class".length()) : resource;
    }

    private void refuse(String className, String method, String what) {
        findings.add(new Finding(className, method, what));
    }

    private void reference(
            String className, String method, String owner, String member, String descriptor, String kind) {
        if (generated.contains(owner)) {
            return;
        }
        String why = RuleAllowList.refusal(owner, member, descriptor);
        if (why != null) {
            refuse(
                    className,
                    method,
                    kind + " " + owner.replace('/', '.') + (member == null ? "" : "." + member) + " is refused: "
                            + why);
        }
    }

    private void type(String className, String method, Type type) {
        switch (type.getSort()) {
            case Type.ARRAY -> type(className, method, type.getElementType());
            case Type.OBJECT -> reference(className, method, type.getInternalName(), null, null, "type");
            case Type.METHOD -> {
                type(className, method, type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    type(className, method, argument);
                }
            }
            default -> {}
        }
    }

    private void findRecursion() {
        Set<String> done = new HashSet<>();
        for (String start : calls.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(start, path, new LinkedHashSet<>(), done)) {
                String[] parts = path.get(0).split("\\.", 2);
                refuse(
                        parts[0],
                        parts[1].substring(0, parts[1].indexOf('(')),
                        "recursion ("
                                + String.join(
                                        " -> ",
                                        path.stream()
                                                .map(p -> p.substring(p.indexOf('.') + 1, p.indexOf('(')))
                                                .toList())
                                + ") is refused: a decision must end in bounded time");
            }
        }
    }

    private boolean cycleFrom(String method, List<String> path, LinkedHashSet<String> onPath, Set<String> done) {
        if (onPath.contains(method)) {
            List<String> cycle = new ArrayList<>(onPath);
            path.addAll(cycle.subList(cycle.indexOf(method), cycle.size()));
            path.add(method);
            return true;
        }
        if (!done.add(method)) {
            return false;
        }
        onPath.add(method);
        for (String callee : calls.getOrDefault(method, Set.of())) {
            if (cycleFrom(callee, path, onPath, done)) {
                return true;
            }
        }
        onPath.remove(method);
        return false;
    }

    private final class ClassCheck extends ClassVisitor {

        private String className;

        ClassCheck() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            if (superName != null) {
                reference(name, "<class>", superName, null, null, "supertype");
            }
            for (String implemented : interfaces) {
                reference(name, "<class>", implemented, null, null, "supertype");
            }
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(
                int access, String name, String descriptor, String signature, Object value) {
            type(className, name, Type.getType(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            type(className, name, Type.getMethodType(descriptor));
            return new MethodCheck(className, name + descriptor, name);
        }
    }

    private final class MethodCheck extends MethodVisitor {

        private final String className;
        private final String key;
        private final String method;
        private final Set<Label> seen = new HashSet<>();
        /** The last instructions that pushed a value: a string constant, an int constant, or an accessor call. */
        private final List<Object> pushed = new ArrayList<>();

        private String lastString;
        private String ruleName;
        private final Set<String> named = new HashSet<>();
        /** A model operator call being built: D.eval(Operator.INSTANCE, accessor, new Object[] {constants}). */
        private String evalOperator;

        private Accessor evalAccessor;
        private final List<String> evalConstants = new ArrayList<>();

        MethodCheck(String className, String key, String method) {
            super(Opcodes.ASM9);
            this.className = className;
            this.key = className + "." + key;
            this.method = method;
        }

        private void push(Object value) {
            pushed.add(value);
            if (pushed.size() > 3) {
                pushed.remove(0);
            }
        }

        private void name(String owner) {
            if (generated.contains(owner)) {
                named.add(owner);
                if (!owner.equals(className)) {
                    namers.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(className);
                }
            }
        }

        private void call(String target) {
            name(target.substring(0, target.indexOf('.')));
            calls.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(target);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                refuse(
                        className,
                        method,
                        "a loop is refused: a decision must end in bounded time; match facts with patterns"
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
            boolean backward = seen.contains(dflt);
            for (Label label : labels) {
                backward |= seen.contains(label);
            }
            if (backward) {
                refuse(className, method, "a loop is refused: a decision must end in bounded time");
            }
            pushed.clear();
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                reference(className, method, type, null, null, "type");
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            name(type);
            reference(className, method, type, null, null, "type");
            if (opcode == Opcodes.ANEWARRAY) {
                arraySize();
                if (evalOperator != null && evalAccessor == null) {
                    pushed.stream()
                            .filter(Accessor.class::isInstance)
                            .map(Accessor.class::cast)
                            .reduce((a, b) -> b)
                            .ifPresent(accessor -> evalAccessor = accessor);
                }
            }
            pushed.clear();
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                arraySize();
                pushed.clear();
            } else {
                push(operand);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
                push(opcode - Opcodes.ICONST_0);
            } else if (opcode == Opcodes.ARRAYLENGTH) {
                // a copy the size of an existing (so already bounded) array, as in an enum's values()
                pushed.clear();
                push(0);
            } else if (opcode == Opcodes.AASTORE
                    && !pushed.isEmpty()
                    && pushed.get(pushed.size() - 1) instanceof String constant) {
                evalConstants.add(constant);
                pushed.clear();
            } else if (opcode == Opcodes.DUP && !pushed.isEmpty()) {
                push(pushed.get(pushed.size() - 1));
            } else {
                pushed.clear();
            }
        }

        private void arraySize() {
            Object size = pushed.isEmpty() ? null : pushed.get(pushed.size() - 1);
            if (!(size instanceof Integer n) || n < 0 || n > MAX_ARRAY) {
                refuse(
                        className,
                        method,
                        "an array whose size is not a constant up to " + MAX_ARRAY
                                + " is refused: a rule may not allocate unbounded memory");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            refuse(className, method, "a multi-dimensional array is refused: a rule may not allocate unbounded memory");
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type type) {
                name(type.getSort() == Type.OBJECT ? type.getInternalName() : "");
                type(className, method, type);
                pushed.clear();
            } else if (value instanceof String text) {
                lastString = text;
                push(text);
            } else if (value instanceof Integer n) {
                push(n);
            } else if (value instanceof Handle handle) {
                handle(handle);
                pushed.clear();
            } else if (value instanceof ConstantDynamic) {
                refuse(className, method, "a dynamic constant is refused: it runs code outside the allow-list");
            } else {
                push(value);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC
                    && owner.startsWith("org/drools/model/operators/")
                    && "INSTANCE".equals(name)) {
                evalOperator = owner;
                evalAccessor = null;
                evalConstants.clear();
            }
            name(owner);
            reference(className, method, owner, name, null, "field");
            type(className, method, Type.getType(descriptor));
            pushed.clear();
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            reference(className, method, owner, name, descriptor, "method");
            type(className, method, Type.getMethodType(descriptor));
            if (generated.contains(owner)) {
                call(owner + "." + name + descriptor);
            }
            if ("java/util/regex/Pattern".equals(owner) && "compile".equals(name)) {
                Object pattern = pushed.isEmpty() ? null : pushed.get(pushed.size() - 1);
                String problem = pattern instanceof String regex
                        ? RegexCheck.problem(regex)
                        : "a pattern must be a constant string";
                if (problem != null) {
                    refuse(
                            className,
                            method,
                            "regular expression " + (pattern instanceof String r ? "'" + r + "' " : "") + "is refused: "
                                    + problem);
                }
            }
            if (RULE_FACTORY_OWNER.equals(owner) && "rule".equals(name) && lastString != null) {
                ruleName = lastString;
                ruleOfMethod.put(className + "." + method, ruleName);
            }
            recordComparison(owner, name);
            if (RULE_FACTORY_OWNER.equals(owner) && "eval".equals(name) && evalOperator != null) {
                if (evalAccessor != null) {
                    for (String constant : evalConstants) {
                        constantUses.add(new ConstantUse(
                                className,
                                method,
                                evalAccessor.owner() + "." + evalAccessor.name(),
                                operator(evalOperator, ""),
                                constant));
                    }
                }
                evalOperator = null;
                evalAccessor = null;
                evalConstants.clear();
            }
            if ("<init>".equals(name)
                    && owner.startsWith("com/callflowrules/")
                    && "(Ljava/lang/String;)V".equals(descriptor)
                    && !pushed.isEmpty()
                    && pushed.get(pushed.size() - 1) instanceof String constant) {
                constantUses.add(new ConstantUse(className, method, owner + ".<init>", "construct", constant));
            }
            if (!"<init>".equals(name)
                    && owner.startsWith("com/callflowrules/")
                    && descriptor.startsWith("(Ljava/lang/String;)")
                    && !pushed.isEmpty()
                    && pushed.get(pushed.size() - 1) instanceof String constant) {
                // A product method called with a constant, such as EffectiveProperties.value("did_language").
                constantUses.add(new ConstantUse(className, method, owner + "." + name, "argument", constant));
            }
            if (Type.getReturnType(descriptor).getSort() != Type.VOID
                    && opcode != Opcodes.INVOKESPECIAL
                    && isProductAccessor(owner, descriptor)) {
                push(new Accessor(owner, name));
            } else {
                pushed.clear();
            }
        }

        /** A string constant and a product accessor consumed together by an equality or string operator. */
        private void recordComparison(String owner, String name) {
            if (pushed.size() < 2) {
                return;
            }
            Object a = pushed.get(pushed.size() - 2);
            Object b = pushed.get(pushed.size() - 1);
            Accessor accessor = a instanceof Accessor x ? x : b instanceof Accessor y ? y : null;
            String constant = a instanceof String x ? x : b instanceof String y ? y : null;
            if (accessor != null && constant != null) {
                constantUses.add(new ConstantUse(
                        className, method, accessor.owner() + "." + accessor.name(), operator(owner, name), constant));
            }
        }

        private static String operator(String owner, String name) {
            String lower = (owner + "." + name).toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("startswith")) {
                return "startsWith";
            }
            if (lower.contains("endswith")) {
                return "endsWith";
            }
            return lower.contains("equal") ? "equals" : name;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            type(className, method, Type.getMethodType(descriptor));
            String owner = bootstrap.getOwner();
            if (LAMBDA_FACTORY.equals(owner) || CONCAT_FACTORY.equals(owner)) {
                for (Object argument : arguments) {
                    if (argument instanceof Handle handle) {
                        handle(handle);
                    } else if (argument instanceof Type type) {
                        type(className, method, type);
                    }
                }
            } else {
                refuse(
                        className,
                        method,
                        "dynamic call through " + owner.replace('/', '.') + " is refused: it is not on the allow-list");
            }
            pushed.clear();
        }

        private void handle(Handle handle) {
            reference(className, method, handle.getOwner(), handle.getName(), handle.getDesc(), "method");
            if (generated.contains(handle.getOwner())) {
                // A lambda made here may be called from here: for recursion it counts as a call.
                call(handle.getOwner() + "." + handle.getName() + handle.getDesc());
            }
        }

        @Override
        public void visitEnd() {
            if (ruleName != null) {
                // Classes this rule method names (lambdas, consequences) belong to the rule.
                named.forEach(target -> ruleOfClass.putIfAbsent(target, ruleName));
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode == Opcodes.ISTORE && !pushed.isEmpty()) {
                pushed.remove(pushed.size() - 1);
            } else {
                pushed.clear();
            }
        }
    }

    /** Product record accessors whose values the meaning checks know: property keys, action names. */
    private boolean isProductAccessor(String owner, String descriptor) {
        return owner.startsWith("com/callflowrules/") && descriptor.startsWith("()");
    }

    private record Accessor(String owner, String name) {}
}
