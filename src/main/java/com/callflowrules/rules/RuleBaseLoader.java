package com.callflowrules.rules;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.properties.PropertySchema;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link RuleBase} from a rules directory: every {@code *.drl} (outside
 * {@code scenarios/}) compiled at run time, every {@code call-flows/*.yaml} read and checked.
 * A build with any problem is refused with all of them, each with its file and line.
 */
public final class RuleBaseLoader {

    static final String FLOWS_DIR = "flows";
    static final String DEFINITIONS_DIR = "call-flows";
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

    /**
     * The product's one property schema. It is a constant, not a parameter: the API, the store,
     * the scenarios and call control all speak this vocabulary, so a loader with another would
     * build rules nothing else understands.
     */
    private static final PropertySchema SCHEMA = PropertySchema.standard();

    private final Clock clock;
    private final List<RuleBaseCheck> checks;
    private final DecisionBounds bounds;

    /**
     * A loader that refuses a rule base failing any of {@code checks} (run after it compiled and
     * passed the allow-list), whose decisions are held to {@code bounds}.
     */
    public RuleBaseLoader(Clock clock, List<RuleBaseCheck> checks, DecisionBounds bounds) {
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.bounds = bounds;
    }

    public RuleBaseLoader(Clock clock, List<RuleBaseCheck> checks) {
        this(clock, checks, DecisionBounds.DEFAULT);
    }

    /** The same loader with {@code more} checks after its own. */
    public RuleBaseLoader withChecks(List<RuleBaseCheck> more) {
        List<RuleBaseCheck> all = new ArrayList<>(checks);
        all.addAll(more);
        return new RuleBaseLoader(clock, all, bounds);
    }

    /** The same loader with other decision bounds. */
    public RuleBaseLoader withBounds(DecisionBounds other) {
        return new RuleBaseLoader(clock, checks, other);
    }

    public RuleBaseLoader(List<RuleBaseCheck> checks) {
        this(Clock.systemUTC(), checks);
    }

    public RuleBaseLoader() {
        this(List.of());
    }

    /** Compiles and checks {@code rulesDir}; throws {@link RuleBaseException} with every problem found. */
    public RuleBase load(Path rulesDir) {
        List<RuleMessage> errors = new ArrayList<>();
        Map<String, String> files = RuleFiles.read(rulesDir, errors);

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

        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        // the scenarios pin the release's behaviour: a release is named by them too
        Map<String, String> versioned = new TreeMap<>(files);
        versioned.putAll(RuleFiles.scenarios(rulesDir, errors));
        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        String version = version(versioned);
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
            org.kie.api.KieBase built = new DrlCompiler(SCHEMA).compile(files, version, errors, found);
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
                bounds,
                new RuleSourceIndex(files),
                rulesDir,
                SCHEMA);
        for (RuleBaseCheck check : checks) {
            errors.addAll(check.check(candidate));
            if (!errors.isEmpty()) {
                // A candidate the probe refused would only fail the scenarios too, and each of
                // its decisions may run to a bound: the first refusing check is enough.
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        return candidate;
    }

    private Map<String, CallFlow> readDefinitions(Map<String, String> files, List<RuleMessage> errors) {
        CallFlowDefinitionReader reader = new CallFlowDefinitionReader(SCHEMA);
        Map<String, CallFlow> flows = new LinkedHashMap<>();
        Map<String, String> fileOfName = new HashMap<>();
        files.forEach((file, text) -> {
            if (!RuleFiles.isDefinition(file)) {
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

    private static String definitionFile(Map<String, String> files, String name) {
        String yaml = DEFINITIONS_DIR + "/" + name + ".yaml";
        return files.containsKey(yaml) ? yaml : DEFINITIONS_DIR + "/" + name + ".yml";
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /**
     * The version of a rule base whose files (rules, definitions, scenarios, by relative path)
     * are {@code files}: the one its {@link RuleBase} gets when built.
     */
    public static String contentVersion(Map<String, String> files) {
        return version(new TreeMap<>(files));
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
