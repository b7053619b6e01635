package com.callflowrules.cli;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs after a command's positional arguments. */
final class Options {

    private Options() {}

    /** The options of {@code args} from index {@code first} on. */
    static Map<String, String> parse(String[] args, int first) {
        Map<String, String> options = new HashMap<>();
        for (int i = first; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new CommandException("usage: options are --name value; got '" + args[i] + "'");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
