package com.callflowrules.cli;

import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.scenario.ScenarioCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command lines of the application jar, run instead of the service: {@code scenarios ...} and
 * {@code releases ...}. A command that reads releases asks the service at {@code --service URL}
 * (default {@code http://localhost:8080}) as {@code --user} (default {@code CALLFLOW_USER}, else
 * {@code dev}) with the password in {@code CALLFLOW_PASSWORD} (else {@code dev-password}, the
 * embedded default): a password in an argument would show in every process list.
 */
public final class Commands {

    static final Set<String> NAMES = Set.of("scenarios", "releases");
    private static final String DEFAULT_SERVICE = "http://localhost:8080";

    private Commands() {}

    /** Whether {@code args} name a command rather than starting the service. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs the command {@code args} name with the environment {@code env}; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            String service = take(rest, "--service", DEFAULT_SERVICE);
            String user = take(rest, "--user", env.getOrDefault("CALLFLOW_USER", "dev"));
            String password = env.getOrDefault("CALLFLOW_PASSWORD", "dev-password");
            ReleaseApiClient client = new ReleaseApiClient(service, user, password);
            String[] commandArgs = rest.toArray(String[]::new);
            return args[0].equals("scenarios")
                    ? new ScenarioCommand(out, err, client).run(commandArgs)
                    : new ReleaseCommand(out, client).run(commandArgs);
        } catch (CommandException | RuleBaseException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** Removes {@code --name value} from {@code args} and returns the value, or {@code otherwise}. */
    private static String take(List<String> args, String name, String otherwise) {
        int at = args.indexOf(name);
        if (at < 0) {
            return otherwise;
        }
        if (at + 1 >= args.size()) {
            throw new CommandException("usage: " + name + " needs a value");
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return value;
    }
}
