package com.callflowrules.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where rules, functions and declared types stand in the DRL files, so that a refusal found in
 * generated code can name the file and line an author edits. It only locates; it never decides.
 */
final class RuleSourceIndex {

    private static final Pattern RULE =
            Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);
    private static final Pattern FUNCTION =
            Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(", Pattern.MULTILINE);
    private static final Pattern QUERY =
            Pattern.compile("^\\s*query\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\w+))", Pattern.MULTILINE);
    private static final Pattern DECLARE =
            Pattern.compile("^\\s*declare\\s+(?:enum\\s+|trait\\s+)?(\\w+)", Pattern.MULTILINE);

    /** A place in a file. */
    record Place(String file, int line) {}

    private final Map<String, Place> rules = new HashMap<>();
    private final Map<String, Place> functions = new HashMap<>();
    private final Map<String, Place> declared = new HashMap<>();
    private final Map<String, Place> queries = new HashMap<>();

    RuleSourceIndex(Map<String, String> files) {
        files.forEach((file, text) -> {
            if (!file.endsWith(".drl")) {
                return;
            }
            index(RULE, file, text, rules);
            index(FUNCTION, file, text, functions);
            index(DECLARE, file, text, declared);
            index(QUERY, file, text, queries);
        });
    }

    private static void index(Pattern pattern, String file, String text, Map<String, Place> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    into.putIfAbsent(matcher.group(group), new Place(file, lineOf(text, matcher.start(group))));
                    break;
                }
            }
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    Place rule(String name) {
        return rules.get(name);
    }

    Place function(String name) {
        return functions.get(name);
    }

    /** A query by the name the model gives its method ({@code query_<name>}), or the first query. */
    Place query(String method) {
        String name = method.startsWith("query_") ? method.substring("query_".length()) : method;
        Place place = queries.get(name);
        return place != null ? place : queries.values().stream().findFirst().orElse(null);
    }

    Place declaredType(String simpleName) {
        return declared.get(simpleName);
    }
}
