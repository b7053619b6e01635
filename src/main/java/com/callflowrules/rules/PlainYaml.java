package com.callflowrules.rules;

import java.io.StringReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML reader of every file rule authors write: no implicit typing, so every scalar is the
 * text written ({@code on} stays "on", {@code 001} stays "001"), which is how property values
 * and codes are compared. Files are untrusted input, so the reader is bounded: at most
 * {@value #MAX_ALIASES} aliases (no alias bomb), {@value #MAX_DEPTH} levels of nesting, a
 * document of {@value #MAX_CODE_POINTS} characters, and no duplicate keys; and {@link #compose}
 * refuses every tag ({@code !!java.lang.Runtime}, {@code !local}), anchor and alias, so a file is
 * plain data whatever reads it next.
 */
public final class PlainYaml {

    private PlainYaml() {}

    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 20;
    static final int MAX_CODE_POINTS = 1_000_000;

    /**
     * The document in {@code text} as a node tree, refused (a {@link MarkedYAMLException} with the
     * line) if it is not valid YAML, passes a bound, or holds a tag, an anchor or an alias.
     */
    public static Node compose(String text) {
        Yaml yaml = create();
        for (Event event : yaml.parse(new StringReader(text))) {
            String refused = refusal(event);
            if (refused != null) {
                throw new RefusedYaml(refused, event.getStartMark());
            }
        }
        return yaml.compose(new StringReader(text));
    }

    private static String refusal(Event event) {
        if (event instanceof AliasEvent alias) {
            return "an alias (*" + alias.getAnchor() + ") is refused: write the value again";
        }
        String tag = event instanceof ScalarEvent scalar
                ? scalar.getTag()
                : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
        if (tag != null) {
            return "a tag (" + tag + ") is refused: every value is plain text";
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            return "an anchor (&" + node.getAnchor() + ") is refused: write the value where it is used";
        }
        return null;
    }

    /** A tag, anchor or alias in a rule-base YAML file. */
    public static final class RefusedYaml extends MarkedYAMLException {
        private static final long serialVersionUID = 1L;

        RefusedYaml(String problem, Mark mark) {
            super(null, null, problem, mark);
        }
    }

    public static Yaml create() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // every scalar is a string
            }
        };
        return new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                stringsOnly);
    }
}
