package com.callflowrules.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The {@code releases} command line, for teams that keep rules in git:
 * <pre>
 * releases export VERSION|published DIR
 * releases import DIR --message TEXT [--base VERSION]
 * </pre>
 * Import makes a draft from {@code --base} (the published release by default) with every file
 * of the directory and without the files the directory no longer has; the service checks it and
 * it waits for approval like any other draft. Exit codes: 0 done (a draft checked clean), 1 a
 * draft refused (its messages printed), 2 a usage error or an answer that is not a success.
 */
public final class ReleaseCommand {

    private final PrintStream out;
    private final ReleaseApiClient service;

    public ReleaseCommand(PrintStream out, ReleaseApiClient service) {
        this.out = out;
        this.service = service;
    }

    /** Runs {@code args} (after the word {@code releases}); returns the exit code. */
    public int run(String... args) {
        if (args.length < 2) {
            throw new CommandException("usage: releases export VERSION|published DIR"
                    + " | releases import DIR --message TEXT [--base VERSION]");
        }
        Map<String, String> options = Options.parse(args, args[0].equals("export") ? 3 : 2);
        return switch (args[0]) {
            case "export" -> {
                if (args.length < 3) {
                    throw new CommandException("usage: releases export VERSION|published DIR");
                }
                yield export(args[1], Path.of(args[2]));
            }
            case "import" -> importDirectory(Path.of(args[1]), options);
            default -> throw new CommandException("unknown subcommand '" + args[0] + "' (export or import)");
        };
    }

    private int export(String version, Path directory) {
        String resolved = version.equals("published") ? service.published() : version;
        Map<String, String> files = service.files(resolved);
        ReleaseDirectory.write(files, directory);
        out.println("release " + resolved + ": " + files.size() + " files written to " + directory);
        return 0;
    }

    private int importDirectory(Path directory, Map<String, String> options) {
        String message = options.get("--message");
        if (message == null || message.isBlank()) {
            throw new CommandException("usage: releases import DIR --message TEXT: a draft says why it was made");
        }
        Map<String, String> wanted = ReleaseDirectory.read(directory);
        String base = options.getOrDefault("--base", null);
        String from = base != null ? base : service.published();
        Map<String, String> before = service.files(from);
        Map<String, String> changes = new TreeMap<>();
        wanted.forEach((path, text) -> {
            if (!text.equals(before.get(path))) {
                changes.put(path, text);
            }
        });
        before.keySet().stream().filter(path -> !wanted.containsKey(path)).forEach(path -> changes.put(path, null));
        JsonNode made = service.draft(from, message, changes);
        String state = made.path("state").asString();
        out.println("release " + made.path("version").asString() + " " + state + " (from " + from + ", "
                + changes.size() + " files changed)");
        made.path("messages").valueStream().forEach(line -> out.println("  " + line.asString()));
        JsonNode scenarios = made.path("scenarios");
        if (scenarios.has("passed")) {
            out.println("  scenarios: " + scenarios.path("passed").asInt() + " passed, "
                    + scenarios.path("failed").asInt() + " failed");
        }
        return "refused".equals(state) ? 1 : 0;
    }
}
