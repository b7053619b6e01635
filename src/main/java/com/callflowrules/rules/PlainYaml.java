package com.callflowrules.rules;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML reader of every file rule authors write: no implicit typing, so every scalar is the
 * text written ({@code on} stays "on", {@code 001} stays "001"), which is how property values
 * and codes are compared. Files are untrusted input, so the reader is bounded: at most
 * {@value #MAX_ALIASES} aliases (no alias bomb), {@value #MAX_DEPTH} levels of nesting, a
 * document of {@value #MAX_CODE_POINTS} characters, and no duplicate keys.
 */
public final class PlainYaml {

    private PlainYaml() {}

    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 20;
    static final int MAX_CODE_POINTS = 1_000_000;

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
