package com.callflowrules.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;

/**
 * The executable model's build messages in the author's terms: each mapped back to its rule
 * file and line (a Java error in a generated source to the rule line holding the same statement,
 * a missing class to the first line naming it), without the stack traces some carry.
 */
final class BuildMessages {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    static final String RESOURCES = "src/main/resources/";

    private BuildMessages() {}

    record BuildMessage(RuleMessage message, boolean error) {}

    /** The errors and warnings of a build, each mapped back to its file on disk. */
    static List<BuildMessage> messages(
            KieBuilder builder, Map<String, String> files, Map<String, String> fileOfResource) {
        List<BuildMessage> messages = new ArrayList<>();
        List<Message> all = builder.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        // The Java compiler's errors come with a second message holding the whole source.
        Map<String, String> generatedSources = new HashMap<>();
        for (Message message : all) {
            String text = message.getText();
            if (message.getPath() != null && text.startsWith("Java source of ") && text.contains("\n")) {
                generatedSources.put(message.getPath(), text.substring(text.indexOf('\n') + 1));
            }
        }
        for (Message message : all) {
            if (message.getPath() != null
                    && generatedSources.containsKey(message.getPath())
                    && message.getText().startsWith("Java source of ")) {
                continue;
            }
            String path = message.getPath() == null ? "." : message.getPath().replaceFirst("^" + RESOURCES, "");
            String file = fileOfResource.getOrDefault(path, path);
            int line = Math.max(message.getLine(), 0);
            String text = message.getText().strip();
            if (path.startsWith(GENERATED_SOURCES)) {
                // An error in the Java the model wrote from a rule: point at the rule's own line.
                RuleMessage located =
                        inGeneratedJava(text, generatedSources.get(message.getPath()), message.getLine(), files);
                file = located.file();
                line = located.line();
                text = located.reason();
            } else if (line == 0 && files.containsKey(file)) {
                line = lineNaming(files.get(file), text);
            }
            String reason = withRuleName(text, files.get(file), line);
            messages.add(
                    new BuildMessage(new RuleMessage(file, line, reason), message.getLevel() == Message.Level.ERROR));
        }
        return messages;
    }

    /** A compiler's message without the stack trace some of them carry. */
    static String firstLine(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        int trace = message.indexOf("Problem stacktrace");
        String text = (trace < 0 ? message : message.substring(0, trace)).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static final String GENERATED_SOURCES = "src/main/java/";
    private static final Pattern MISSING_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");

    /**
     * The executable model reports a missing class without a line: the first line of the rule
     * file that names it, or 0.
     */
    private static int lineNaming(String text, String reason) {
        Matcher missing = MISSING_CLASS.matcher(reason);
        if (!missing.find()) {
            return 0;
        }
        Pattern word = Pattern.compile("\\b" + Pattern.quote(missing.group(1)) + "\\b");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (word.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * A Java compiler error at {@code javaLine} of a generated {@code source}: the rule file and
     * line holding the same statement, or the reason alone when no rule file holds it.
     */
    private static RuleMessage inGeneratedJava(
            String text, @Nullable String source, int javaLine, Map<String, String> files) {
        int newline = text.indexOf('\n');
        String reason = newline < 0 ? text : text.substring(0, newline);
        if (javaLine > 0 && source != null) {
            String[] javaLines = source.split("\n", -1);
            String statement = javaLine <= javaLines.length ? javaLines[javaLine - 1].strip() : "";
            if (!statement.isEmpty()) {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    String[] lines = file.getValue().split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (file.getKey().endsWith(".drl") && lines[i].contains(statement)) {
                            return new RuleMessage(file.getKey(), i + 1, reason);
                        }
                    }
                }
            }
        }
        return new RuleMessage(".", 0, "generated code does not compile: " + reason);
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
}
