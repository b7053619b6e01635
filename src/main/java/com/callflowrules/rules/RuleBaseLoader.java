package com.callflowrules.rules;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.properties.PropertySchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * Builds a {@link RuleBase} from a rules directory: every {@code *.drl} (outside
 * {@code scenarios/}) compiled at run time, every {@code call-flows/*.yaml} read and checked.
 * A build with any problem is refused with all of them, each with its file and line.
 */
public final class RuleBaseLoader {

    static final String FLOWS_DIR = "flows";
    static final String DEFINITIONS_DIR = "call-flows";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /**
     * Rule files already compiled and checked, by the hash of every {@code .drl} file's name and
     * text: an edit of definitions or scenarios only (the usual analyst change) reuses the
     * compiled rules instead of compiling them again (about 1.5 s), and so do the many loads of
     * the same files in one JVM. A KieBase is immutable and shared safely; each
     * {@link RuleBase} keeps its own session pool. A refused compilation is kept as its
     * messages, so validating and then reloading the same files compiles them once.
     */
    private static final Map<String, Compiled> COMPILED =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
                    return size() > 8;
                }
            });

    /** What compiling one set of rule files gave: a rule base and its warnings, or the refusals. */
    private record Compiled(
            org.kie.api.@Nullable KieBase kieBase, List<RuleMessage> warnings, List<RuleMessage> refusals) {}

    private final PropertySchema schema;
    private final Clock clock;
    private final List<RuleBaseCheck> checks;
    private final DecisionBounds bounds;
    /** The source-text pre-check gives friendlier messages; the compiled check decides either way. */
    private boolean sourcePreCheck = true;

    /**
     * A loader that refuses a rule base failing any of {@code checks} (run after it compiled and
     * passed the allow-list), whose decisions are held to {@code bounds}.
     */
    public RuleBaseLoader(PropertySchema schema, Clock clock, List<RuleBaseCheck> checks, DecisionBounds bounds) {
        this.schema = schema;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.bounds = bounds;
    }

    public RuleBaseLoader(PropertySchema schema, Clock clock, List<RuleBaseCheck> checks) {
        this(schema, clock, checks, DecisionBounds.DEFAULT);
    }

    /** The same loader with {@code more} checks after its own. */
    public RuleBaseLoader withChecks(List<RuleBaseCheck> more) {
        List<RuleBaseCheck> all = new ArrayList<>(checks);
        all.addAll(more);
        return new RuleBaseLoader(schema, clock, all, bounds);
    }

    /** The same loader without the source-text pre-check, to show the compiled check alone decides (tests). */
    RuleBaseLoader withoutSourcePreCheck() {
        RuleBaseLoader loader = new RuleBaseLoader(schema, clock, checks, bounds);
        loader.sourcePreCheck = false;
        return loader;
    }

    /** The same loader with other decision bounds. */
    public RuleBaseLoader withBounds(DecisionBounds other) {
        return new RuleBaseLoader(schema, clock, checks, other);
    }

    public RuleBaseLoader(List<RuleBaseCheck> checks) {
        this(PropertySchema.standard(), Clock.systemUTC(), checks);
    }

    public RuleBaseLoader() {
        this(List.of());
    }

    /** Compiles and checks {@code rulesDir}; throws {@link RuleBaseException} with every problem found. */
    public RuleBase load(Path rulesDir) {
        List<RuleMessage> errors = new ArrayList<>();
        Map<String, String> files = readFiles(rulesDir, errors);

        Map<String, CallFlow> flowsByName = readDefinitions(files, errors);
        Set<String> behaviours = files.keySet().stream()
                .filter(f -> f.startsWith(FLOWS_DIR + "/") && f.endsWith(".drl"))
                .map(f -> stem(f.substring(FLOWS_DIR.length() + 1)))
                .collect(Collectors.toSet());
        for (CallFlow flow : flowsByName.values()) {
            String ruleFile = flow.behaviour().ruleFile();
            if (ruleFile != null && !behaviours.contains(ruleFile)) {
                errors.add(new RuleMessage(
                        definitionFile(files, flow.name()),
                        0,
                        "behaviour '" + ruleFile + "' does not exist (no rule file " + FLOWS_DIR + "/" + ruleFile
                                + ".drl)"));
            }
        }
        if (flowsByName.isEmpty() && errors.isEmpty()) {
            errors.add(new RuleMessage(DEFINITIONS_DIR, 0, "no call-flow definitions"));
        }

        // The source pre-check first, for messages in the author's own words; the check that
        // decides runs on what the compiler generated (checkAndInstrument).
        files.forEach((file, text) -> {
            if (sourcePreCheck && file.endsWith(".drl")) {
                errors.addAll(DrlGuard.check(file, text));
            }
        });
        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        String version = version(files);
        Map<String, String> ruleFiles = new TreeMap<>();
        files.forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                ruleFiles.put(file, text);
            }
        });
        String rulesHash = version(ruleFiles);
        Compiled compiled = COMPILED.get(rulesHash);
        if (compiled == null) {
            List<RuleMessage> found = new ArrayList<>();
            org.kie.api.KieBase built = compile(files, version, errors, found);
            compiled = errors.isEmpty()
                    ? new Compiled(built, List.copyOf(found), List.of())
                    : new Compiled(null, List.of(), List.copyOf(errors));
            COMPILED.put(rulesHash, compiled);
        }
        if (!compiled.refusals().isEmpty()) {
            throw new RuleBaseException(compiled.refusals());
        }
        org.kie.api.KieBase kieBase = compiled.kieBase();
        List<RuleMessage> warnings = compiled.warnings();
        Map<String, CallFlow> flowsBySid = new HashMap<>();
        flowsByName.values().forEach(flow -> flowsBySid.put(flow.callFlowSid(), flow));
        RuleBase candidate = new RuleBase(
                kieBase,
                version,
                clock.instant(),
                List.copyOf(files.keySet()),
                flowsBySid,
                flowsByName,
                warnings,
                bounds);
        for (RuleBaseCheck check : checks) {
            errors.addAll(check.check(candidate));
        }
        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        return candidate;
    }

    private Map<String, CallFlow> readDefinitions(Map<String, String> files, List<RuleMessage> errors) {
        CallFlowDefinitionReader reader = new CallFlowDefinitionReader(schema);
        Map<String, CallFlow> flows = new LinkedHashMap<>();
        Map<String, String> fileOfName = new HashMap<>();
        files.forEach((file, text) -> {
            if (!isDefinition(file)) {
                return;
            }
            CallFlow flow = reader.read(file, stem(file.substring(DEFINITIONS_DIR.length() + 1)), text, errors);
            if (flow == null) {
                return;
            }
            String other = fileOfName.putIfAbsent(flow.name(), file);
            if (other != null) {
                errors.add(new RuleMessage(file, 1, "call flow '" + flow.name() + "' is already defined in " + other));
            } else {
                flows.put(flow.name(), flow);
            }
        });
        return flows;
    }

    private org.kie.api.KieBase compile(
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
        // The executable model compiles constraints to Java: 3-4x faster decisions than the
        // classic path, which must run with constraint jitting off (see moduleModel).
        KieBuilder builder;
        List<BuildMessage> found;
        try {
            builder = kieServices.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            found = messages(builder, files, fileOfResource);
        } catch (RuntimeException e) {
            // Some sources make the executable-model compiler throw instead of reporting.
            builder = null;
            found = List.of(
                    new BuildMessage(new RuleMessage(".", 0, "the rules do not compile: " + e.getMessage()), true));
        }
        if (found.stream().anyMatch(BuildMessage::error)) {
            // It reports some errors without a line; the classic compiler names file and line.
            List<BuildMessage> classic;
            try {
                classic = messages(kieServices.newKieBuilder(kfs).buildAll(), files, fileOfResource);
            } catch (RuntimeException e) {
                classic = List.of();
            }
            if (classic.stream().anyMatch(BuildMessage::error)) {
                found = classic;
            }
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
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING)) {
            String path = message.getPath() == null ? "." : message.getPath().replaceFirst("^" + RESOURCES, "");
            String file = fileOfResource.getOrDefault(path, path);
            int line = Math.max(message.getLine(), 0);
            String reason = withRuleName(message.getText().strip(), files.get(file), line);
            messages.add(
                    new BuildMessage(new RuleMessage(file, line, reason), message.getLevel() == Message.Level.ERROR));
        }
        return messages;
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

    /** Largest rule or definition file read; a larger one is refused, not read. */
    static final long MAX_FILE_BYTES = 1_048_576;

    /**
     * Every rule and definition file under {@code rulesDir} by relative path, sorted; scenarios
     * excluded. A file that is too large or not UTF-8 is refused with its name (in {@code errors}).
     */
    private static Map<String, String> readFiles(Path rulesDir, List<RuleMessage> errors) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleBaseException(
                    List.of(new RuleMessage(rulesDir.toString(), 0, "rules directory does not exist")));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(rulesDir)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = rulesDir.relativize(path).toString().replace('\\', '/');
                if (relative.endsWith(".drl") && !relative.startsWith("scenarios/") || isDefinition(relative)) {
                    readFile(path, relative, errors).ifPresent(text -> files.put(relative, text));
                }
            }
        } catch (IOException e) {
            throw new RuleBaseException(
                    List.of(new RuleMessage(rulesDir.toString(), 0, "cannot read the rules directory: " + e)));
        }
        return files;
    }

    private static java.util.Optional<String> readFile(Path path, String relative, List<RuleMessage> errors) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                errors.add(new RuleMessage(
                        relative, 0, "file of " + size + " bytes refused: at most " + MAX_FILE_BYTES + " bytes"));
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new RuleMessage(relative, 0, "not UTF-8 text"));
        } catch (IOException e) {
            errors.add(new RuleMessage(relative, 0, "cannot be read: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    private static boolean isDefinition(String relative) {
        return relative.startsWith(DEFINITIONS_DIR + "/")
                && relative.indexOf('/', DEFINITIONS_DIR.length() + 1) < 0
                && (relative.endsWith(".yaml") || relative.endsWith(".yml"));
    }

    private static String definitionFile(Map<String, String> files, String name) {
        String yaml = DEFINITIONS_DIR + "/" + name + ".yaml";
        return files.containsKey(yaml) ? yaml : DEFINITIONS_DIR + "/" + name + ".yml";
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String version(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((file, text) -> {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
