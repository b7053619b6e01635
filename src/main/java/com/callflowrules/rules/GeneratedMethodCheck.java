package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks one method of the generated code for {@link CompiledRuleCheck}: every type, field and
 * method it names against the allow-list, loops, arrays, dynamic constants, the calls between
 * generated methods (for recursion), which rule it belongs to, and the constants it hands to
 * product methods and operators (for the meaning checks).
 */
final class GeneratedMethodCheck extends MethodVisitor {

    private final CompiledRuleCheck check;

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

    private CompiledRuleCheck.Accessor evalAccessor;
    private final List<String> evalConstants = new ArrayList<>();

    GeneratedMethodCheck(CompiledRuleCheck check, String className, String key, String method) {
        super(Opcodes.ASM9);
        this.check = check;
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
        if (check.generated.contains(owner)) {
            named.add(owner);
            if (!owner.equals(className)) {
                check.namers.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(className);
            }
        }
    }

    private void call(String target) {
        name(target.substring(0, target.indexOf('.')));
        check.calls.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(target);
    }

    @Override
    public void visitLabel(Label label) {
        seen.add(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (seen.contains(label)) {
            check.refuse(
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
            check.refuse(className, method, "a loop is refused: a decision must end in bounded time");
        }
        pushed.clear();
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
            check.reference(className, method, type, null, null, "type");
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        name(type);
        check.reference(className, method, type, null, null, "type");
        if (opcode == Opcodes.ANEWARRAY) {
            arraySize();
            if (evalOperator != null && evalAccessor == null) {
                pushed.stream()
                        .filter(CompiledRuleCheck.Accessor.class::isInstance)
                        .map(CompiledRuleCheck.Accessor.class::cast)
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
        if (!(size instanceof Integer n) || n < 0 || n > CompiledRuleCheck.MAX_ARRAY) {
            check.refuse(
                    className,
                    method,
                    "an array whose size is not a constant up to " + CompiledRuleCheck.MAX_ARRAY
                            + " is refused: a rule may not allocate unbounded memory");
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        check.refuse(
                className, method, "a multi-dimensional array is refused: a rule may not allocate unbounded memory");
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Type type) {
            name(type.getSort() == Type.OBJECT ? type.getInternalName() : "");
            check.type(className, method, type);
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
            check.refuse(className, method, "a dynamic constant is refused: it runs code outside the allow-list");
        } else {
            push(value);
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.GETSTATIC && owner.startsWith("org/drools/model/operators/") && "INSTANCE".equals(name)) {
            evalOperator = owner;
            evalAccessor = null;
            evalConstants.clear();
        }
        name(owner);
        check.reference(className, method, owner, name, null, "field");
        check.type(className, method, Type.getType(descriptor));
        pushed.clear();
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        check.reference(className, method, owner, name, descriptor, "method");
        check.type(className, method, Type.getMethodType(descriptor));
        if (check.generated.contains(owner)) {
            call(owner + "." + name + descriptor);
        }
        if ("java/util/regex/Pattern".equals(owner) && "compile".equals(name)) {
            Object pattern = pushed.isEmpty() ? null : pushed.get(pushed.size() - 1);
            String problem =
                    pattern instanceof String regex ? RegexCheck.problem(regex) : "a pattern must be a constant string";
            if (problem != null) {
                check.refuse(
                        className,
                        method,
                        "regular expression " + (pattern instanceof String r ? "'" + r + "' " : "") + "is refused: "
                                + problem);
            }
        }
        if (CompiledRuleCheck.RULE_FACTORY_OWNER.equals(owner) && "rule".equals(name) && lastString != null) {
            ruleName = lastString;
            check.ruleOfMethod.put(className + "." + method, ruleName);
        }
        recordComparison(owner, name);
        if (CompiledRuleCheck.RULE_FACTORY_OWNER.equals(owner) && "eval".equals(name) && evalOperator != null) {
            if (evalAccessor != null) {
                for (String constant : evalConstants) {
                    check.constantUses.add(new CompiledRuleCheck.ConstantUse(
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
            check.constantUses.add(
                    new CompiledRuleCheck.ConstantUse(className, method, owner + ".<init>", "construct", constant));
        }
        if (!"<init>".equals(name)
                && owner.startsWith("com/callflowrules/")
                && descriptor.startsWith("(Ljava/lang/String;)")
                && !pushed.isEmpty()
                && pushed.get(pushed.size() - 1) instanceof String constant) {
            // A product method called with a constant, such as EffectiveProperties.value("did_language").
            check.constantUses.add(
                    new CompiledRuleCheck.ConstantUse(className, method, owner + "." + name, "argument", constant));
        }
        if (Type.getReturnType(descriptor).getSort() != Type.VOID
                && opcode != Opcodes.INVOKESPECIAL
                && check.isProductAccessor(owner, descriptor)) {
            push(new CompiledRuleCheck.Accessor(owner, name));
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
        CompiledRuleCheck.Accessor accessor =
                a instanceof CompiledRuleCheck.Accessor x ? x : b instanceof CompiledRuleCheck.Accessor y ? y : null;
        String constant = a instanceof String x ? x : b instanceof String y ? y : null;
        if (accessor != null && constant != null) {
            check.constantUses.add(new CompiledRuleCheck.ConstantUse(
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
        check.type(className, method, Type.getMethodType(descriptor));
        String owner = bootstrap.getOwner();
        if (CompiledRuleCheck.LAMBDA_FACTORY.equals(owner) || CompiledRuleCheck.CONCAT_FACTORY.equals(owner)) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    handle(handle);
                } else if (argument instanceof Type type) {
                    check.type(className, method, type);
                }
            }
        } else {
            check.refuse(
                    className,
                    method,
                    "dynamic call through " + owner.replace('/', '.') + " is refused: it is not on the allow-list");
        }
        pushed.clear();
    }

    private void handle(Handle handle) {
        check.reference(className, method, handle.getOwner(), handle.getName(), handle.getDesc(), "method");
        if (check.generated.contains(handle.getOwner())) {
            // A lambda made here may be called from here: for recursion it counts as a call.
            call(handle.getOwner() + "." + handle.getName() + handle.getDesc());
        }
    }

    @Override
    public void visitEnd() {
        if (ruleName != null) {
            // Classes this rule method names (lambdas, consequences) belong to the rule.
            named.forEach(target -> check.ruleOfClass.putIfAbsent(target, ruleName));
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
