package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source-text pre-check of rule files written by analysts: it refuses, in the author's own
 * words and before anything is compiled, imports outside the product's types and a small
 * {@code java.lang}/{@code java.util} set, names that reach the host (system, runtime, threads,
 * reflection, files, sockets, processes, class loading), clocks and randomness, and globals.
 * Comments and string contents are not checked. It is a convenience, not the boundary: text can
 * hide a call (escapes, comments inside names), so {@link CompiledRuleCheck} decides on the
 * classes the compiler generates whatever this scan missed.
 */
final class DrlGuard {

    private static final Set<String> ALLOWED_PACKAGES = Set.of("com.callflowrules.facts");
    private static final Set<String> ALLOWED_TYPES = Set.of(
            "java.lang.String",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Boolean",
            "java.lang.Math",
            "java.lang.Number",
            "java.lang.Character",
            "java.lang.CharSequence",
            "java.util.List",
            "java.util.Map",
            "java.util.Set",
            "java.util.Collection",
            "java.util.ArrayList",
            "java.util.HashMap",
            "java.util.HashSet",
            "java.util.LinkedHashMap",
            "java.util.LinkedHashSet",
            "java.util.TreeMap",
            "java.util.TreeSet",
            "java.util.Collections",
            "java.util.Arrays",
            "java.util.Objects",
            "java.util.Map.Entry");
    /** Names that reach outside the domain, each with what it would reach. */
    private static final List<String[]> REFUSED = List.of(
            new String[] {"System", "the system (System)"},
            new String[] {"Runtime", "the runtime (Runtime)"},
            new String[] {"Thread", "threads (Thread)"},
            new String[] {"ThreadGroup", "threads (ThreadGroup)"},
            new String[] {"Executors", "threads (Executors)"},
            new String[] {"ExecutorService", "threads (ExecutorService)"},
            new String[] {"CompletableFuture", "threads (CompletableFuture)"},
            new String[] {"ForkJoinPool", "threads (ForkJoinPool)"},
            new String[] {"ProcessBuilder", "processes (ProcessBuilder)"},
            new String[] {"Process", "processes (Process)"},
            new String[] {"ProcessHandle", "processes (ProcessHandle)"},
            new String[] {"ClassLoader", "class loading (ClassLoader)"},
            new String[] {"forName", "class loading (Class.forName)"},
            new String[] {"loadClass", "class loading (loadClass)"},
            new String[] {"getClass", "reflection (getClass)"},
            new String[] {"Class", "reflection (Class)"},
            new String[] {"Method", "reflection (Method)"},
            new String[] {"Field", "reflection (Field)"},
            new String[] {"Constructor", "reflection (Constructor)"},
            new String[] {"setAccessible", "reflection (setAccessible)"},
            new String[] {"getDeclaredMethod", "reflection (getDeclaredMethod)"},
            new String[] {"getDeclaredField", "reflection (getDeclaredField)"},
            new String[] {"getMethod", "reflection (getMethod)"},
            new String[] {"Proxy", "reflection (Proxy)"},
            new String[] {"File", "files (File)"},
            new String[] {"Files", "files (Files)"},
            new String[] {"Path", "files (Path)"},
            new String[] {"Paths", "files (Paths)"},
            new String[] {"FileInputStream", "files (FileInputStream)"},
            new String[] {"FileOutputStream", "files (FileOutputStream)"},
            new String[] {"FileReader", "files (FileReader)"},
            new String[] {"FileWriter", "files (FileWriter)"},
            new String[] {"RandomAccessFile", "files (RandomAccessFile)"},
            new String[] {"Socket", "sockets (Socket)"},
            new String[] {"ServerSocket", "sockets (ServerSocket)"},
            new String[] {"DatagramSocket", "sockets (DatagramSocket)"},
            new String[] {"URL", "the network (URL)"},
            new String[] {"URI", "the network (URI)"},
            new String[] {"HttpClient", "the network (HttpClient)"},
            new String[] {"InetAddress", "the network (InetAddress)"},
            new String[] {"Unsafe", "the JVM (Unsafe)"},
            // A decision must be a pure function of its facts: decisions are cached and replayed.
            new String[] {"Random", "randomness (Random)"},
            new String[] {"ThreadLocalRandom", "randomness (ThreadLocalRandom)"},
            new String[] {"SecureRandom", "randomness (SecureRandom)"},
            new String[] {"random", "randomness (Math.random)"},
            new String[] {"UUID", "randomness (UUID)"},
            new String[] {"Date", "the clock (Date)"},
            new String[] {"Calendar", "the clock (Calendar)"});

    private static final Pattern IMPORT =
            Pattern.compile("^[ \\t]*import\\s+(static\\s+|function\\s+)?([\\w.*]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^[ \\t]*global\\s+([\\w.<>]+)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:java|javax|jdk|sun|com\\.sun|org)\\.[\\w.]+)");

    private DrlGuard() {}

    /** Every construct of {@code text} that reaches outside the domain, as messages of {@code file}. */
    static List<RuleMessage> check(String file, String text) {
        String code = codeOnly(text);
        List<RuleMessage> refused = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String imported = imports.group(2);
            if (imports.group(1) != null || !allowedImport(imported)) {
                refused.add(new RuleMessage(
                        file,
                        line(code, imports.start(2)),
                        "import of '" + imported + "' is refused: "
                                + "rules may import only the product's fact types (com.callflowrules.facts) "
                                + "and java.lang/java.util strings, numbers and collections"));
            }
        }
        String body = IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher global = GLOBAL.matcher(body);
        while (global.find()) {
            refused.add(new RuleMessage(
                    file,
                    line(body, global.start()),
                    "global '" + global.group(2)
                            + "' is refused: a global is shared by every decision; return results by inserting facts"));
        }
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) {
            String name = qualified.group(1);
            if (!allowedQualified(name)) {
                refused.add(new RuleMessage(
                        file,
                        line(body, qualified.start()),
                        "'" + name + "' is refused: it reaches outside the domain"));
            }
        }
        for (String[] construct : REFUSED) {
            Matcher use = Pattern.compile(
                            "(?<![\\w$.])" + construct[0] + "(?![\\w$])|(?<=\\.)" + construct[0] + "(?=\\s*\\()")
                    .matcher(body);
            while (use.find()) {
                refused.add(new RuleMessage(
                        file,
                        line(body, use.start()),
                        "'" + construct[0] + "' is refused: rules may not reach " + construct[1]));
            }
        }
        refused.sort(java.util.Comparator.comparingInt(RuleMessage::line));
        return refused;
    }

    /** An allowed type, or a member of one ({@code java.util.Map.of}); other java.util types (clock, randomness) are not. */
    private static boolean allowedQualified(String name) {
        return ALLOWED_TYPES.contains(name) || ALLOWED_TYPES.stream().anyMatch(type -> name.startsWith(type + "."));
    }

    private static boolean allowedImport(String imported) {
        if (ALLOWED_TYPES.contains(imported)) {
            return true;
        }
        String pkg = imported.endsWith(".*")
                ? imported.substring(0, imported.length() - 2)
                : imported.substring(0, Math.max(0, imported.lastIndexOf('.')));
        return ALLOWED_PACKAGES.contains(pkg);
    }

    /** The text with comments and string contents blanked out, line breaks kept, so offsets keep their lines. */
    static String codeOnly(String text) {
        StringBuilder code = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    code.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                while (i < text.length()
                        && !(text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                    code.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                code.append("  ");
                i += 2;
            } else if (c == '"') {
                code.append('"');
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    code.append(text.charAt(i) == '\\' ? ' ' : ' ');
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        code.append(' ');
                        i++;
                    }
                    i++;
                }
                if (i < text.length() && text.charAt(i) == '"') {
                    code.append('"');
                    i++;
                }
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
