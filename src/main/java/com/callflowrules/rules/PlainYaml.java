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
 * and codes are compared.
 */
public final class PlainYaml {

    private PlainYaml() {
    }

    public static Yaml create() {
        LoaderOptions options = new LoaderOptions();
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // every scalar is a string
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, stringsOnly);
    }
}
