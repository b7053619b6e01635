package com.callflowrules.rules;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks one method of the generated code for {@link CompiledRuleCheck}: every type, field and
 * method it names against the allow-list of its {@link CodeRegion}, loops, arrays, dynamic
 * constants, locks, exception handlers that could swallow the decision's bound, class literals
 * in author code, the calls between generated methods (for recursion) and which rule it belongs
 * to; the constants it hands to product methods and operators go to its
 * {@link ConstantUseRecorder}.
 */
final class GeneratedMethodCheck extends InstructionTracker {

    private final CompiledRuleCheck check;
    private final CodeRegion region;

    private final String className;
    private final String key;
    private final String method;

    private String lastString;
    private String ruleName;
    private final Set<String> named = new HashSet<>();
    private final ConstantUseRecorder constants;

    GeneratedMethodCheck(CompiledRuleCheck check, CodeRegion region, String className, String key, String method) {
        this.check = check;
        this.region = region;
        this.className = className;
        this.key = className + "." + key;
        this.method = method;
        this.constants = new ConstantUseRecorder(check.constantUses, className, method);
    }

    @Override
    void refuse(String what) {
        check.refuse(className, method, what);
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
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (!handlers.handler(handler, type)) {
            check.reference(region, className, method, type, null, null, "type");
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        handlerStep(opcode, type);
        name(type);
        check.reference(region, className, method, type, null, null, "type");
        if (opcode == Opcodes.ANEWARRAY) {
            arraySize();
            constants.arrayMade(pushed);
        }
        pushed.clear();
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        handlerStep(-1, null);
        if (opcode == Opcodes.NEWARRAY) {
            arraySize();
            pushed.clear();
        } else {
            pushed.push(operand);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        handlerStep(opcode, null);
        if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
            refuse(CompiledRuleCheck.LOCK_REFUSED);
        }
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
            pushed.push(opcode - Opcodes.ICONST_0);
        } else if (opcode == Opcodes.ARRAYLENGTH) {
            // a copy the size of an existing (so already bounded) array, as in an enum's values()
            pushed.clear();
            pushed.push(0);
        } else if (opcode == Opcodes.AASTORE && pushed.last() instanceof String constant) {
            constants.arrayElement(constant);
            pushed.clear();
        } else if (opcode == Opcodes.DUP && pushed.last() != null) {
            pushed.push(pushed.last());
        } else {
            pushed.clear();
        }
    }

    private void arraySize() {
        Object size = pushed.last();
        if (!(size instanceof Integer n) || n < 0 || n > CompiledRuleCheck.MAX_ARRAY) {
            refuse("an array whose size is not a constant up to " + CompiledRuleCheck.MAX_ARRAY
                    + " is refused: a rule may not allocate unbounded memory");
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        handlerStep(-1, null);
        refuse("a multi-dimensional array is refused: a rule may not allocate unbounded memory");
    }

    @Override
    public void visitLdcInsn(Object value) {
        handlerStep(-1, null);
        if (value instanceof Type type
                && region == CodeRegion.AUTHOR
                && !check.generated.contains(type.getInternalName())) {
            refuse("the class literal " + type.getClassName()
                    + " is refused: rule code may not name a class (reflection, class loading)");
            pushed.clear();
        } else if (value instanceof Type type) {
            name(type.getSort() == Type.OBJECT ? type.getInternalName() : "");
            check.type(region, className, method, type);
            pushed.clear();
        } else if (value instanceof String text) {
            lastString = text;
            pushed.push(text);
        } else if (value instanceof Integer n) {
            pushed.push(n);
        } else if (value instanceof Handle handle) {
            handle(handle);
            pushed.clear();
        } else if (value instanceof ConstantDynamic) {
            refuse("a dynamic constant is refused: it runs code outside the allow-list");
        } else {
            pushed.push(value);
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        handlerStep(-1, null);
        if (opcode == Opcodes.GETSTATIC && owner.startsWith("org/drools/model/operators/") && "INSTANCE".equals(name)) {
            constants.operatorLoaded(owner);
        }
        name(owner);
        check.reference(region, className, method, owner, name, null, "field");
        check.type(region, className, method, Type.getType(descriptor));
        pushed.clear();
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        handlerStep(opcode, owner + "." + name + descriptor);
        if (region == CodeRegion.AUTHOR
                && "java/lang/String".equals(owner)
                && "replace".equals(name)
                && descriptor.startsWith("(Ljava/lang/CharSequence;")
                && !(pushed.last() instanceof String)) {
            refuse("String.replace with a replacement that is not a constant is refused: its result could"
                    + " grow with the square of its input");
        }
        check.reference(region, className, method, owner, name, descriptor, "method");
        check.type(region, className, method, Type.getMethodType(descriptor));
        if (check.generated.contains(owner)) {
            call(owner + "." + name + descriptor);
        }
        if ("java/util/regex/Pattern".equals(owner) && "compile".equals(name)) {
            String refusal = RegexCheck.refusal(pushed.last());
            if (refusal != null) {
                refuse(refusal);
            }
        }
        if (region == CodeRegion.ENGINE
                && CompiledRuleCheck.RULE_FACTORY_OWNER.equals(owner)
                && "rule".equals(name)
                && lastString != null) {
            ruleName = lastString;
            check.ruleOfMethod.put(className + "." + method, ruleName);
        }
        ProductRead read =
                opcode == Opcodes.INVOKESPECIAL ? null : ProductRead.of(owner, name, descriptor, pushed.last());
        constants.called(owner, name, descriptor, pushed);
        if (read == null || read.key() != null) {
            pushed.clear(); // a keyed read consumed its key; an accessor consumed only its receiver
        }
        if (read != null) {
            pushed.push(read);
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        handlerStep(-1, null);
        check.type(region, className, method, Type.getMethodType(descriptor));
        String owner = bootstrap.getOwner();
        if (CompiledRuleCheck.LAMBDA_FACTORY.equals(owner) || CompiledRuleCheck.CONCAT_FACTORY.equals(owner)) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    handle(handle);
                } else if (argument instanceof Type type) {
                    check.type(region, className, method, type);
                }
            }
        } else {
            refuse("dynamic call through " + owner.replace('/', '.') + " is refused: it is not on the allow-list");
        }
        pushed.clear();
    }

    private void handle(Handle handle) {
        check.reference(region, className, method, handle.getOwner(), handle.getName(), handle.getDesc(), "method");
        if (check.generated.contains(handle.getOwner())) {
            // A lambda made here may be called from here: for recursion it counts as a call.
            call(handle.getOwner() + "." + handle.getName() + handle.getDesc());
        }
    }

    @Override
    public void visitEnd() {
        String unfinished = handlers.end();
        if (unfinished != null) {
            refuse(unfinished);
        }
        if (ruleName != null) {
            // Classes this rule method names (lambdas, consequences) belong to the rule.
            named.forEach(target -> check.ruleOfClass.putIfAbsent(target, ruleName));
        }
    }
}
