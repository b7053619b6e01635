package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Each refusal branch of the compiled-code check ({@link CompiledRuleCheck} and
 * {@link GeneratedMethodCheck}), on classes written here with ASM in the shapes the executable
 * model generates, so that a branch is proven even where no DRL reaches it today; and, beside
 * each refusal, the nearest shape that passes, so that the check is not refusing everything.
 */
class GeneratedCodeChecksTest {

    /** A declared type's class: the author's region. */
    private static final String AUTHOR_CLASS = "callflow/Evil";
    /** A rule-definition class of the model: the engine's region for its rule_* methods. */
    private static final String RULE_METHODS = "callflow/Rules0123456789ABCDEF0123456789ABCDEFRuleMethods0";
    /** A lambda class of the model: its functional method is the author's. */
    private static final String LAMBDA = "callflow/P0A/LambdaConsequence0123456789ABCDEF0123456789ABCDEF";

    private static List<String> findings(String className, String method, Consumer<MethodVisitor> code) {
        return findings(className, method, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, code);
    }

    private static List<String> findings(String className, String method, int access, Consumer<MethodVisitor> code) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, className, null, "java/lang/Object", null);
        MethodVisitor visitor = writer.visitMethod(access, method, "()V", null, null);
        visitor.visitCode();
        code.accept(visitor);
        visitor.visitInsn(Opcodes.RETURN);
        visitor.visitMaxs(0, 0);
        visitor.visitEnd();
        writer.visitEnd();
        Map<String, byte[]> classes = new TreeMap<>();
        classes.put(className + ".class", writer.toByteArray());
        return CompiledRuleCheck.run(classes).findings().stream()
                .map(CompiledRuleCheck.Finding::what)
                .toList();
    }

    private static void call(MethodVisitor m, String owner, String name, String descriptor) {
        m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
    }

    @Test
    void aBackwardJumpIsALoop() {
        assertThat(findings(AUTHOR_CLASS, "spin", m -> {
                    Label top = new Label();
                    m.visitLabel(top);
                    m.visitJumpInsn(Opcodes.GOTO, top);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("a loop is refused"));
        assertThat(findings(AUTHOR_CLASS, "skip", m -> {
                    Label ahead = new Label();
                    m.visitJumpInsn(Opcodes.GOTO, ahead);
                    m.visitLabel(ahead);
                }))
                .isEmpty();
    }

    @Test
    void aSwitchBackwardsIsALoop() {
        assertThat(findings(AUTHOR_CLASS, "spin", m -> {
                    Label top = new Label();
                    m.visitLabel(top);
                    m.visitInsn(Opcodes.ICONST_0);
                    m.visitTableSwitchInsn(0, 0, top, top);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("a loop is refused"));
        assertThat(findings(AUTHOR_CLASS, "spin", m -> {
                    Label top = new Label();
                    m.visitLabel(top);
                    m.visitInsn(Opcodes.ICONST_0);
                    m.visitLookupSwitchInsn(top, new int[] {1}, new Label[] {top});
                }))
                .anySatisfy(f -> assertThat(f).startsWith("a loop is refused"));
    }

    @Test
    void arraysAreSmallAndOfConstantSize() {
        assertThat(findings(AUTHOR_CLASS, "big", m -> {
                    m.visitLdcInsn(CompiledRuleCheck.MAX_ARRAY + 1);
                    m.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_BYTE);
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).contains("an array whose size is not a constant up to"));
        assertThat(findings(AUTHOR_CLASS, "variable", m -> {
                    m.visitVarInsn(Opcodes.ILOAD, 0);
                    m.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).contains("an array whose size is not a constant"));
        assertThat(findings(AUTHOR_CLASS, "grid", m -> {
                    m.visitInsn(Opcodes.ICONST_2);
                    m.visitInsn(Opcodes.ICONST_2);
                    m.visitMultiANewArrayInsn("[[I", 2);
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("a multi-dimensional array is refused"));
        assertThat(findings(AUTHOR_CLASS, "small", m -> {
                    m.visitInsn(Opcodes.ICONST_3);
                    m.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
                    m.visitInsn(Opcodes.POP);
                }))
                .isEmpty();
    }

    @Test
    void dynamicConstantsAndOtherBootstrapsAreRefused() {
        Handle bootstrap = new Handle(
                Opcodes.H_INVOKESTATIC,
                "java/lang/invoke/ConstantBootstraps",
                "nullConstant",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false);
        assertThat(findings(AUTHOR_CLASS, "condy", m -> {
                    m.visitLdcInsn(new ConstantDynamic("x", "Ljava/lang/Object;", bootstrap));
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("a dynamic constant is refused"));
        assertThat(findings(AUTHOR_CLASS, "indy", m -> {
                    m.visitInvokeDynamicInsn("x", "()Ljava/lang/Object;", bootstrap);
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("dynamic call through java.lang.invoke.ConstantBootstraps"));
    }

    @Test
    void onlyAConstantRegexThatCannotBacktrackCompiles() {
        String compile = "(Ljava/lang/String;)Ljava/util/regex/Pattern;";
        assertThat(findings(AUTHOR_CLASS, "dynamic", m -> {
                    m.visitVarInsn(Opcodes.ALOAD, 0);
                    call(m, "java/util/regex/Pattern", "compile", compile);
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).contains("a pattern must be a constant string"));
        assertThat(findings(AUTHOR_CLASS, "evil", m -> {
                    m.visitLdcInsn("(a+)+$");
                    call(m, "java/util/regex/Pattern", "compile", compile);
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).contains("exponential time"));
        assertThat(findings(AUTHOR_CLASS, "fine", m -> {
                    m.visitLdcInsn("[0-9]{1,20}");
                    call(m, "java/util/regex/Pattern", "compile", compile);
                    m.visitInsn(Opcodes.POP);
                }))
                .isEmpty();
    }

    @Test
    void monitorsAndSynchronizedMethodsAreRefused() {
        assertThat(findings(AUTHOR_CLASS, "locked", m -> {
                    m.visitLdcInsn("a");
                    m.visitInsn(Opcodes.MONITORENTER);
                    m.visitLdcInsn("a");
                    m.visitInsn(Opcodes.MONITOREXIT);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("a lock (synchronized) is refused"));
        assertThat(findings(
                        AUTHOR_CLASS,
                        "locked",
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED,
                        m -> {}))
                .anySatisfy(f -> assertThat(f).startsWith("a lock (synchronized) is refused"));
    }

    /** {@code try { <start..end> } catch (type e) { <handler> }}, the handler written by {@code handler}. */
    private static List<String> withHandler(String type, Consumer<MethodVisitor> handler) {
        return findings(AUTHOR_CLASS, "guarded", m -> {
            Label start = new Label();
            Label end = new Label();
            Label caught = new Label();
            Label after = new Label();
            m.visitTryCatchBlock(start, end, caught, type);
            m.visitLabel(start);
            m.visitInsn(Opcodes.NOP);
            m.visitLabel(end);
            m.visitJumpInsn(Opcodes.GOTO, after);
            m.visitLabel(caught);
            handler.accept(m);
            m.visitLabel(after);
        });
    }

    private static void wrapAndRethrow(MethodVisitor m) {
        m.visitVarInsn(Opcodes.ASTORE, 1);
        m.visitTypeInsn(Opcodes.NEW, "java/lang/RuntimeException");
        m.visitInsn(Opcodes.DUP);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(
                Opcodes.INVOKESPECIAL, "java/lang/RuntimeException", "<init>", "(Ljava/lang/Throwable;)V", false);
        m.visitInsn(Opcodes.ATHROW);
    }

    @Test
    void aHandlerThatCouldCatchTheBoundMayOnlyWrapAndRethrow() {
        for (String type : List.of("java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException")) {
            assertThat(withHandler(type, m -> m.visitVarInsn(Opcodes.ASTORE, 1)))
                    .as(type)
                    .anySatisfy(f -> assertThat(f).startsWith("catching " + type.replace('/', '.') + " is refused"));
            assertThat(withHandler(type, GeneratedCodeChecksTest::wrapAndRethrow))
                    .as(type)
                    .isEmpty();
        }
        assertThat(withHandler("java/lang/Error", m -> m.visitVarInsn(Opcodes.ASTORE, 1)))
                .anySatisfy(f -> assertThat(f).startsWith("catching java.lang.Error is refused"));
        assertThat(withHandler(null, m -> m.visitVarInsn(Opcodes.ASTORE, 1)))
                .anySatisfy(f -> assertThat(f).startsWith("a finally block is refused"));
        // a handler narrower than the bound's supertypes is the author's business
        assertThat(withHandler("java/lang/IllegalArgumentException", m -> m.visitVarInsn(Opcodes.ASTORE, 1)))
                .isEmpty();
    }

    @Test
    void authorCodeWritesNoClassLiteralButOfAGeneratedType() {
        assertThat(findings(AUTHOR_CLASS, "literal", m -> {
                    m.visitLdcInsn(Type.getObjectType("java/lang/String"));
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("the class literal java.lang.String is refused"));
        assertThat(findings(AUTHOR_CLASS, "own", m -> {
                    m.visitLdcInsn(Type.getObjectType(AUTHOR_CLASS));
                    m.visitInsn(Opcodes.POP);
                }))
                .isEmpty();
        assertThat(findings(RULE_METHODS, "rule_x", m -> {
                    m.visitLdcInsn(Type.getObjectType("com/callflowrules/facts/CallArrived"));
                    m.visitInsn(Opcodes.POP);
                }))
                .isEmpty();
    }

    @Test
    void theModelDslIsTheEnginesNotTheAuthors() {
        Consumer<MethodVisitor> rule = m -> {
            m.visitLdcInsn("injected");
            call(
                    m,
                    "org/drools/modelcompiler/dsl/pattern/D",
                    "rule",
                    "(Ljava/lang/String;)Lorg/drools/model/impl/RuleBuilder;");
            m.visitInsn(Opcodes.POP);
        };
        assertThat(findings(RULE_METHODS, "rule_x", rule)).isEmpty();
        assertThat(findings(LAMBDA, "execute", rule))
                .anySatisfy(f -> assertThat(f).contains("D.rule is refused").contains("the engine's scaffolding"));
    }

    @Test
    void stringReplaceNeedsAConstantReplacement() {
        String replace = "(Ljava/lang/CharSequence;Ljava/lang/CharSequence;)Ljava/lang/String;";
        assertThat(findings(AUTHOR_CLASS, "square", m -> {
                    m.visitVarInsn(Opcodes.ALOAD, 0);
                    m.visitLdcInsn("");
                    m.visitVarInsn(Opcodes.ALOAD, 0);
                    m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "replace", replace, false);
                    m.visitInsn(Opcodes.POP);
                }))
                .anySatisfy(f -> assertThat(f).startsWith("String.replace with a replacement that is not a constant"));
        assertThat(findings(AUTHOR_CLASS, "dashes", m -> {
                    m.visitVarInsn(Opcodes.ALOAD, 0);
                    m.visitLdcInsn("-");
                    m.visitLdcInsn("");
                    m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "replace", replace, false);
                    m.visitInsn(Opcodes.POP);
                }))
                .isEmpty();
    }

    @Test
    void aMethodThatCallsItselfIsRecursion() {
        assertThat(findings(AUTHOR_CLASS, "again", m -> call(m, AUTHOR_CLASS, "again", "()V")))
                .anySatisfy(f -> assertThat(f).startsWith("recursion (again -> again) is refused"));
    }
}
