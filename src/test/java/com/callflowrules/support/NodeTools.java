package com.callflowrules.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Node and npm for the tests that check the service with the platforms' own JavaScript tools
 * (jambonz's schema and SDK): a package installed from the npm registry under {@code target/},
 * and a command run to its end. {@code .ci/run} installs Node and npm where they are missing.
 */
public final class NodeTools {

    private NodeTools() {}

    /** Installs {@code packageAtVersion} under {@code prefix}. */
    public static void npmInstall(Path prefix, String packageAtVersion) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), packageAtVersion));
    }

    /** Runs {@code command} (at most 5 minutes), asserts it exits 0, and returns its output. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node and npm are needed for " + command.get(0) + "; .ci/run installs them", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }
}
