package com.callflowrules.scenario;

import java.nio.file.Path;

/** Where {@code scenarios run|diff} get a rule release named by its version, rather than a directory. */
@FunctionalInterface
public interface ReleaseSource {

    /** Writes release {@code version}'s files into the empty {@code directory}; returns it. */
    Path fetch(String version, Path directory);

    /** For a command line with no service to ask: every version is refused, saying why. */
    ReleaseSource NONE = (version, directory) -> {
        throw new IllegalArgumentException("no service to read release " + version + " from");
    };
}
