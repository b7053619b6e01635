package com.callflowrules.rules;

import com.callflowrules.properties.PropertySchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.util.PortablePath;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * Compiles rule files into a KieBase: the executable model's build, the compiled-code check that
 * decides what generated code may reach, the budget instrumentation, and the phase check. Every
 * message names its file (and its line where the compiler gives one). Only the executable model
 * builds: it writes Java and compiles it, and evaluates nothing of the rule file. The classic
 * build, which an earlier version ran again for its messages, evaluates metadata and MVEL while it
 * builds, so it never runs on a file the compiled check has not passed.
 */
final class DrlCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final PropertySchema schema;

    DrlCompiler(PropertySchema schema) {
        this.schema = schema;
    }

    /**
     * Compiles the {@code .drl} files of {@code files} with the executable model, checks what was
     * generated and instruments it, then checks the phases; the KieBase, or {@code null} with
     * {@code errors} filled.
     */
    org.kie.api.@Nullable KieBase compile(
            Map<String, String> files, String version, List<RuleMessage> errors, List<RuleMessage> warnings) {
        KieServices kieServices = KieServices.Factory.get();
        KieFileSystem kfs = kieServices.newKieFileSystem();
        // A fresh release per build: the KieServices repository keys modules by it.
        ReleaseId releaseId = kieServices.newReleaseId(
                "com.callflowrules.rulebase", "rules", "1.0." + BUILDS.incrementAndGet() + "-" + version);
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(moduleModel(kieServices).toXML());
        Map<String, String> fileOfResource = new HashMap<>();
        files.forEach((file, text) -> {
            if (!file.endsWith(".drl")) {
                return;
            }
            // The resource path follows the DRL's package, which keeps Drools from warning.
            Matcher pkg = PACKAGE.matcher(text);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String resource = folder + file.replace('/', '_');
            fileOfResource.put(resource, file);
            kfs.write(RESOURCES + resource, text);
        });
        if (fileOfResource.isEmpty()) {
            errors.add(new RuleMessage(".", 0, "no rule files (*.drl)"));
            return null;
        }
        errors.addAll(DrlDescriptionCheck.check(files));
        if (!errors.isEmpty()) {
            return null;
        }
        // The executable model compiles constraints to Java: 3-4x faster decisions than the
        // classic path, which must run with constraint jitting off (see moduleModel).
        KieBuilder builder;
        List<BuildMessage> found;
        try {
            builder = kieServices.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            found = messages(builder, files, fileOfResource);
        } catch (RuntimeException | StackOverflowError e) {
            // Some sources make the executable-model compiler throw instead of reporting; an
            // expression nested thousands deep overflows its stack.
            builder = null;
            found = List.of(new BuildMessage(
                    new RuleMessage(
                            ".",
                            0,
                            e instanceof StackOverflowError
                                    ? "the rules do not compile: an expression is nested too deep"
                                    : "the rules do not compile: " + firstLine(e.getMessage())),
                    true));
        }
        found.forEach(m -> (m.error() ? errors : warnings).add(m.message()));
        Map<String, Set<String>> insertedByRule = new HashMap<>();
        if (errors.isEmpty()) {
            // The check that decides: nothing generated is loaded before it passed.
            errors.addAll(checkAndInstrument(builder, files, insertedByRule));
        }
        if (!errors.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        try {
            KieBaseConfiguration configuration = kieServices.newKieBaseConfiguration();
            configuration.setOption(ConstraintJittingThresholdOption.get(-1));
            org.kie.api.KieBase kieBase = container.newKieBase(configuration);
            errors.addAll(new PhaseCheck(insertedByRule, new RuleSourceIndex(files), container.getClassLoader())
                    .check(kieBase));
            return errors.isEmpty() ? kieBase : null;
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Reads every class the build generated, refuses the build if any references something off
     * the allow-list or names a property key or action the product does not know, and otherwise
     * puts the budget check into each of them, before the container loads any.
     */
    private List<RuleMessage> checkAndInstrument(
            KieBuilder builder, Map<String, String> files, Map<String, Set<String>> insertedByRule) {
        MemoryKieModule module = (MemoryKieModule) ((CanonicalKieModule) builder.getKieModule()).getInternalKieModule();
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            }
        }
        CompiledRuleCheck check = CompiledRuleCheck.run(classes);
        insertedByRule.putAll(InsertedFacts.byRule(classes, check));
        List<RuleMessage> refused = new CompiledRuleMessages(check, new RuleSourceIndex(files), schema).messages();
        if (refused.isEmpty()) {
            classes.forEach((name, bytes) -> module.getMemoryFileSystem()
                    .write(PortablePath.of(name), RuleInstrumenter.instrument(bytes), true));
        }
        return refused;
    }

    /**
     * One default KieBase. Facts are immutable and rules never {@code modify} them, so property
     * reactivity is off: it would only add bookkeeping and warnings. Constraint jitting is off
     * because in Drools 10.2.0 a jitted constraint with an operator such as {@code matches} or
     * {@code str[startsWith]} throws NoSuchMethodError after ~20 evaluations
     * (apache/incubator-kie-drools#6711, fixed after 10.2.0).
     */
    private static KieModuleModel moduleModel(KieServices kieServices) {
        KieModuleModel module = kieServices.newKieModuleModel();
        module.setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALLOWED.name());
        module.newKieBaseModel("callflow").setDefault(true);
        return module;
    }

    private record BuildMessage(RuleMessage message, boolean error) {}

    /** The errors and warnings of a build, each mapped back to its file on disk. */
    private static List<BuildMessage> messages(
            KieBuilder builder, Map<String, String> files, Map<String, String> fileOfResource) {
        List<BuildMessage> messages = new ArrayList<>();
        List<Message> all = builder.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        // The Java compiler's errors come with a second message holding the whole source.
        Map<String, String> generatedSources = new HashMap<>();
        for (Message message : all) {
            String text = message.getText();
            if (message.getPath() != null && text.startsWith("Java source of ") && text.contains("\n")) {
                generatedSources.put(message.getPath(), text.substring(text.indexOf('\n') + 1));
            }
        }
        for (Message message : all) {
            if (message.getPath() != null
                    && generatedSources.containsKey(message.getPath())
                    && message.getText().startsWith("Java source of ")) {
                continue;
            }
            String path = message.getPath() == null ? "." : message.getPath().replaceFirst("^" + RESOURCES, "");
            String file = fileOfResource.getOrDefault(path, path);
            int line = Math.max(message.getLine(), 0);
            String text = message.getText().strip();
            if (path.startsWith(GENERATED_SOURCES)) {
                // An error in the Java the model wrote from a rule: point at the rule's own line.
                RuleMessage located =
                        inGeneratedJava(text, generatedSources.get(message.getPath()), message.getLine(), files);
                file = located.file();
                line = located.line();
                text = located.reason();
            } else if (line == 0 && files.containsKey(file)) {
                line = lineNaming(files.get(file), text);
            }
            String reason = withRuleName(text, files.get(file), line);
            messages.add(
                    new BuildMessage(new RuleMessage(file, line, reason), message.getLevel() == Message.Level.ERROR));
        }
        return messages;
    }

    /** A compiler's message without the stack trace some of them carry. */
    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        int trace = message.indexOf("Problem stacktrace");
        String text = (trace < 0 ? message : message.substring(0, trace)).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static final String GENERATED_SOURCES = "src/main/java/";
    private static final Pattern MISSING_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");

    /**
     * The executable model reports a missing class without a line: the first line of the rule
     * file that names it, or 0.
     */
    private static int lineNaming(String text, String reason) {
        Matcher missing = MISSING_CLASS.matcher(reason);
        if (!missing.find()) {
            return 0;
        }
        Pattern word = Pattern.compile("\\b" + Pattern.quote(missing.group(1)) + "\\b");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (word.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * A Java compiler error at {@code javaLine} of a generated {@code source}: the rule file and
     * line holding the same statement, or the reason alone when no rule file holds it.
     */
    private static RuleMessage inGeneratedJava(
            String text, @Nullable String source, int javaLine, Map<String, String> files) {
        int newline = text.indexOf('\n');
        String reason = newline < 0 ? text : text.substring(0, newline);
        if (javaLine > 0 && source != null) {
            String[] javaLines = source.split("\n", -1);
            String statement = javaLine <= javaLines.length ? javaLines[javaLine - 1].strip() : "";
            if (!statement.isEmpty()) {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    String[] lines = file.getValue().split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (file.getKey().endsWith(".drl") && lines[i].contains(statement)) {
                            return new RuleMessage(file.getKey(), i + 1, reason);
                        }
                    }
                }
            }
        }
        return new RuleMessage(".", 0, "generated code does not compile: " + reason);
    }

    /**
     * Drools reports an error in a rule's consequence at the rule's first line; naming the rule
     * tells an author where to look.
     */
    private static String withRuleName(String reason, String text, int line) {
        if (text == null || line < 1) {
            return reason;
        }
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return reason;
        }
        Matcher header = RULE_HEADER.matcher(lines[line - 1]);
        return header.find() && !reason.contains(header.group(1))
                ? reason + " (in rule \"" + header.group(1) + "\")"
                : reason;
    }
}
