package com.callflowrules.scenario;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.rules.RuleBaseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code scenarios} command line, run from the application jar without starting the service:
 * <pre>
 * scenarios run  [--rules DIR | --release VERSION] [--scenarios DIR] [--junit-xml FILE]
 * scenarios diff (--base DIR | --base-release VERSION) (--candidate DIR | --candidate-release VERSION)
 *                [--scenarios DIR]
 * </pre>
 * A release named by its version is read from the {@link ReleaseSource} (the service's release
 * API) into a temporary directory first; its scenarios are the ones it holds.
 * Exit codes: 0 all passed (or no difference), 1 failures (or differences), 2 a usage error or a
 * rule base or scenario that cannot be read.
 */
public final class ScenarioCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final ReleaseSource releases;
    private final List<Path> fetched = new ArrayList<>();

    /** A command line that reads rule bases from directories only. */
    public ScenarioCommand(PrintStream out, PrintStream err) {
        this(out, err, ReleaseSource.NONE);
    }

    public ScenarioCommand(PrintStream out, PrintStream err, ReleaseSource releases) {
        this.out = out;
        this.err = err;
        this.releases = releases;
    }

    /** Runs {@code args} (after the word {@code scenarios}); returns the exit code. */
    public int run(String... args) {
        try {
            if (args.length == 0) {
                return usage("missing subcommand");
            }
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "run" -> runAll(ruleBase(options, "--rules", "--release", "rules"), options);
                case "diff" -> diff(options);
                default -> usage("unknown subcommand '" + args[0] + "'");
            };
        } catch (RuleBaseException e) {
            err.println(e.getMessage());
            return 2;
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } finally {
            fetched.forEach(ScenarioCommand::deleteQuietly);
        }
    }

    /** The directory of {@code dirOption}, or of release {@code releaseOption} read into a temporary one. */
    private Path ruleBase(Map<String, String> options, String dirOption, String releaseOption, String otherwise) {
        String version = options.get(releaseOption);
        if (version == null) {
            String dir = options.getOrDefault(dirOption, otherwise);
            if (dir == null) {
                throw new IllegalArgumentException(
                        "usage: " + dirOption + " DIR or " + releaseOption + " VERSION is required");
            }
            return Path.of(dir);
        }
        if (options.containsKey(dirOption)) {
            throw new IllegalArgumentException(
                    "usage: " + dirOption + " and " + releaseOption + " name the same thing; give one");
        }
        try {
            Path directory = Files.createTempDirectory("release-" + version.replaceAll("[^0-9a-f]", "") + "-");
            fetched.add(directory);
            return releases.fetch(version, directory.resolve("rules"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot make a directory for release " + version + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (java.util.stream.Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private int runAll(Path rules, Map<String, String> options) {
        Path scenarios = Path.of(
                options.getOrDefault("--scenarios", rules.resolve("scenarios").toString()));
        ScenarioRunner runner = new ScenarioRunner(DecisionEngine.forRulesDirectory(rules));
        List<ScenarioResult> results = new ArrayList<>();
        int failed = 0;
        for (Path file : ScenarioSuite.files(scenarios)) {
            ScenarioResult result = runner.run(ScenarioSuite.read(scenarios, file));
            results.add(result);
            if (!result.passed()) {
                failed++;
                result.report().lines().forEach(line -> out.println("FAIL " + line));
            }
        }
        if (options.containsKey("--junit-xml")) {
            writeJunitXml(Path.of(options.get("--junit-xml")), results);
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private int diff(Map<String, String> options) {
        Path base = ruleBase(options, "--base", "--base-release", null);
        Path candidate = ruleBase(options, "--candidate", "--candidate-release", null);
        Path scenarios = Path.of(
                options.getOrDefault("--scenarios", base.resolve("scenarios").toString()));
        ScenarioRunner before = new ScenarioRunner(DecisionEngine.forRulesDirectory(base));
        ScenarioRunner after = new ScenarioRunner(DecisionEngine.forRulesDirectory(candidate));
        int steps = 0;
        int scenariosChanged = 0;
        for (Path file : ScenarioSuite.files(scenarios)) {
            Scenario scenario = ScenarioSuite.read(scenarios, file);
            List<ScenarioResult.StepResult> a = before.run(scenario).steps();
            List<ScenarioResult.StepResult> b = after.run(scenario).steps();
            boolean changed = false;
            for (int i = 0; i < a.size(); i++) {
                List<String> differences =
                        differences(a.get(i).observed(), b.get(i).observed());
                if (!differences.isEmpty()) {
                    steps++;
                    changed = true;
                    for (String difference : differences) {
                        out.println(scenario.file() + ": " + a.get(i).step().describe() + ": " + difference);
                    }
                }
            }
            scenariosChanged += changed ? 1 : 0;
        }
        out.println(steps + " steps differ in " + scenariosChanged + " scenarios");
        return steps == 0 ? 0 : 1;
    }

    /** Every field whose value differs, as "field: base X, candidate Y". */
    static List<String> differences(Map<String, String> base, Map<String, String> candidate) {
        return StepDifference.between(base, candidate).stream()
                .map(StepDifference::toString)
                .toList();
    }

    private void writeJunitXml(Path file, List<ScenarioResult> results) {
        long failures = results.stream().filter(r -> !r.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"scenarios\" tests=\"")
                .append(results.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"0\">\n");
        for (ScenarioResult result : results) {
            xml.append("  <testcase classname=\"scenarios\" name=\"")
                    .append(escape(result.scenario().file()))
                    .append('"');
            if (result.passed()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"")
                        .append(escape(result.failedSteps().size() + " step(s) failed"))
                        .append("\">")
                        .append(escape(result.report()))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("</testsuite>\n");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: options are --name value; got '" + args[i] + "'");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private int usage(String problem) {
        err.println(problem);
        err.println("usage: scenarios run [--rules DIR | --release VERSION] [--scenarios DIR] [--junit-xml FILE]");
        err.println("       scenarios diff (--base DIR | --base-release VERSION)"
                + " (--candidate DIR | --candidate-release VERSION) [--scenarios DIR]");
        return 2;
    }
}
