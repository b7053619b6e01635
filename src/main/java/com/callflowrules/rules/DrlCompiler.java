package com.callflowrules.rules;

import com.callflowrules.properties.PropertySchema;
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
            kfs.write(BuildMessages.RESOURCES + resource, text);
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
        List<BuildMessages.BuildMessage> found;
        try {
            builder = kieServices.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            found = BuildMessages.messages(builder, files, fileOfResource);
        } catch (RuntimeException | StackOverflowError e) {
            // Some sources make the executable-model compiler throw instead of reporting; an
            // expression nested thousands deep overflows its stack.
            builder = null;
            found = List.of(new BuildMessages.BuildMessage(
                    new RuleMessage(
                            ".",
                            0,
                            e instanceof StackOverflowError
                                    ? "the rules do not compile: an expression is nested too deep"
                                    : "the rules do not compile: " + BuildMessages.firstLine(e.getMessage())),
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
}
