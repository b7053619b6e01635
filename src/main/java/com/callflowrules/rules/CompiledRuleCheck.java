package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The check that decides what a rule base may do, and the only one: every class the build
 * generated (rules, constraints, consequences, functions, declared types, the model
 * scaffolding) is read with ASM before any of it is loaded or run, each method is placed in its
 * {@link CodeRegion} (the author's code or the engine's scaffolding), and every type, method and
 * field it references must be on the {@link RuleAllowList} for that region; author code may not
 * call the engine's methods of generated classes nor write a class literal but of a declared
 * type. It also refuses what would let a decision run unbounded or block: loops (backward
 * jumps), recursion among generated methods, arrays of a size that is not a small constant,
 * regular expressions that are not constants or could backtrack exponentially, locks, and
 * handlers that could catch the decision's bound. Source text plays no part in the verdict; it
 * only locates a refusal for the author.
 */
final class CompiledRuleCheck {

    /** Largest array a rule may create; the generated model uses one per rule list. */
    static final int MAX_ARRAY = 10_000;

    static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";
    static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";
    static final String RULE_FACTORY_OWNER = "org/drools/modelcompiler/dsl/pattern/D";

    /** One refused reference, with the generated method it was found in. */
    record Finding(String className, String method, String what) {}

    final Set<String> generated = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    /** method key -> methods it calls or creates lambdas of, among generated ones. */
    final Map<String, Set<String>> calls = new HashMap<>();
    /** generated class -> rule name of the rule method that references it. */
    final Map<String, String> ruleOfClass = new HashMap<>();
    /** method key (class.method) -> rule name, for methods that define a rule. */
    final Map<String, String> ruleOfMethod = new HashMap<>();

    final List<ConstantUse> constantUses = new ArrayList<>();
    /** generated class -> generated classes that name it. */
    final Map<String, Set<String>> namers = new HashMap<>();

    /**
     * A string constant a generated method compares with a product accessor (a property key,
     * an action name): the raw material of the meaning checks. {@code key} is the property key
     * the accessor read, when it was one called with a constant key ({@code value("did_language")}).
     */
    record ConstantUse(String className, String method, String accessor, String operator, String value, String key) {}

    /** generated method (class.name+descriptor) -> its region. */
    private final Map<String, CodeRegion> regions = new HashMap<>();

    private CompiledRuleCheck(Map<String, byte[]> classes) {
        classes.keySet().forEach(name -> generated.add(internalName(name)));
        classes.values()
                .forEach(bytes -> new ClassReader(bytes).accept(new MethodRegions(regions), ClassReader.SKIP_CODE));
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

    void refuse(String className, String method, String what) {
        findings.add(new Finding(className, method, what));
    }

    /** The region of a generated method; one it inherits (an enum's name()) counts as the author's. */
    CodeRegion regionOf(String owner, String name, String descriptor) {
        return regions.getOrDefault(owner + "." + name + descriptor, CodeRegion.AUTHOR);
    }

    void reference(
            CodeRegion region,
            String className,
            String method,
            String owner,
            String member,
            String descriptor,
            String kind) {
        if (generated.contains(owner)) {
            if (region == CodeRegion.AUTHOR
                    && "method".equals(kind)
                    && regionOf(owner, member, descriptor) == CodeRegion.ENGINE) {
                refuse(
                        className,
                        method,
                        "method " + owner.replace('/', '.') + "." + member
                                + " is refused: it is the engine's scaffolding, not for rule code");
            }
            return;
        }
        String why = RuleAllowList.refusal(region, owner, member, descriptor);
        if (why != null) {
            refuse(
                    className,
                    method,
                    kind + " " + owner.replace('/', '.') + (member == null ? "" : "." + member) + " is refused: "
                            + why);
        }
    }

    void type(CodeRegion region, String className, String method, Type type) {
        switch (type.getSort()) {
            case Type.ARRAY -> type(region, className, method, type.getElementType());
            case Type.OBJECT -> reference(region, className, method, type.getInternalName(), null, null, "type");
            case Type.METHOD -> {
                type(region, className, method, type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    type(region, className, method, argument);
                }
            }
            default -> {}
        }
    }

    private void findRecursion() {
        for (List<String> path : CallCycles.in(calls)) {
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

    private final class ClassCheck extends ClassVisitor {

        private String className;
        private CodeRegion classRegion;

        ClassCheck() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            classRegion = CodeRegion.ofClass(name);
            if (superName != null) {
                reference(classRegion, name, "<class>", superName, null, null, "supertype");
            }
            for (String implemented : interfaces) {
                reference(classRegion, name, "<class>", implemented, null, null, "supertype");
            }
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(
                int access, String name, String descriptor, String signature, Object value) {
            type(classRegion, className, name, Type.getType(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            CodeRegion region = CodeRegion.of(className, access, name, descriptor);
            type(region, className, name, Type.getMethodType(descriptor));
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                refuse(className, name, LOCK_REFUSED);
            }
            return new GeneratedMethodCheck(CompiledRuleCheck.this, region, className, name + descriptor, name);
        }
    }

    static final String LOCK_REFUSED = "a lock (synchronized) is refused: rules may not take locks, two decisions"
            + " could wait on each other for ever and no bound can stop a blocked thread";
}
