package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The constants one generated method hands to product accessors, product methods and model
 * operators, recorded for the meaning checks of {@link CompiledRuleMessages} (a property key not
 * in the schema, a value its key's type cannot have, an in-call action the product does not know). {@link GeneratedMethodCheck} tells it what each instruction
 * consumed; the recorder keeps the one thing that spans instructions, a model operator call being
 * built: {@code D.eval(Operator.INSTANCE, accessor, new Object[] {constants})}.
 */
final class ConstantUseRecorder {

    private final List<CompiledRuleCheck.ConstantUse> uses;
    private final String className;
    private final String method;

    private String evalOperator;
    private ProductRead evalAccessor;
    private final List<String> evalConstants = new ArrayList<>();

    ConstantUseRecorder(List<CompiledRuleCheck.ConstantUse> uses, String className, String method) {
        this.uses = uses;
        this.className = className;
        this.method = method;
    }

    /** A model operator's {@code INSTANCE} was loaded: an operator call starts. */
    void operatorLoaded(String owner) {
        evalOperator = owner;
        evalAccessor = null;
        evalConstants.clear();
    }

    /** An object array is made; in an operator call, its accessor is the last one pushed before it. */
    void arrayMade(PushedValues pushed) {
        if (evalOperator != null && evalAccessor == null) {
            evalAccessor = pushed.lastAccessor();
        }
    }

    /** A constant was stored into the array being built. */
    void arrayElement(String constant) {
        evalConstants.add(constant);
    }

    /** {@code owner.name descriptor} was called with {@code pushed} the last values pushed. */
    void called(String owner, String name, String descriptor, PushedValues pushed) {
        comparison(owner, name, pushed);
        if (CompiledRuleCheck.RULE_FACTORY_OWNER.equals(owner) && "eval".equals(name) && evalOperator != null) {
            if (evalAccessor != null) {
                for (String constant : evalConstants) {
                    add(evalAccessor, operator(evalOperator, ""), constant);
                }
            }
            evalOperator = null;
            evalAccessor = null;
            evalConstants.clear();
        }
        if (!owner.startsWith("com/callflowrules/") || !(pushed.last() instanceof String constant)) {
            return;
        }
        if ("<init>".equals(name) && "(Ljava/lang/String;)V".equals(descriptor)) {
            add(owner + ".<init>", "construct", constant, null);
        } else if (!"<init>".equals(name) && descriptor.startsWith("(Ljava/lang/String;)")) {
            // A product method called with a constant, such as EffectiveProperties.value("did_language").
            add(owner + "." + name, "argument", constant, null);
        }
    }

    /** A string constant and a product accessor consumed together by an equality or string operator. */
    private void comparison(String owner, String name, PushedValues pushed) {
        Object a = pushed.beforeLast();
        Object b = pushed.last();
        ProductRead accessor = a instanceof ProductRead x ? x : b instanceof ProductRead y ? y : null;
        String constant = a instanceof String x ? x : b instanceof String y ? y : null;
        if (accessor != null && constant != null) {
            add(accessor, operator(owner, name), constant);
        }
    }

    private void add(ProductRead accessor, String operator, String constant) {
        add(accessor.owner() + "." + accessor.name(), operator, constant, accessor.key());
    }

    private void add(String accessor, String operator, String constant, String key) {
        uses.add(new CompiledRuleCheck.ConstantUse(className, method, accessor, operator, constant, key));
    }

    private static String operator(String owner, String name) {
        String lower = (owner + "." + name).toLowerCase(Locale.ROOT);
        if (lower.contains("startswith")) {
            return "startsWith";
        }
        if (lower.contains("endswith")) {
            return "endsWith";
        }
        return lower.contains("equal") ? "equals" : name;
    }
}
