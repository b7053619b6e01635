package com.callflowrules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.Spelled;
import com.fasterxml.jackson.annotation.JsonValue;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's conventions, checked on the compiled classes (ArchUnit reads the dependencies,
 * ASM the constants and names) and on the source tree: the layering the README's layout
 * describes, Drools only in {@code rules}, no flow named in Java, small classes.
 */
class ConventionsTest {

    private static final Path MAIN = Path.of("src/main/java/com/callflowrules");
    private static final int MAX_CLASS_LINES = 250;

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.callflowrules");

    @Test
    void onlyTheRulesPackageUsesDrools() {
        // read from the bytecode: a fully qualified name or a wildcard import is caught as well
        noClasses()
                .that()
                .resideOutsideOfPackage("com.callflowrules.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .check(PRODUCT);
    }

    /** An enum spelled outside Java is spelled by {@code Spelled}, so no set has a spelling method of its own. */
    @Test
    void everyEnumIsSpelledOneWay() {
        noMethods()
                .that()
                .areAnnotatedWith(JsonValue.class)
                .should()
                .beDeclaredInClassesThat()
                .areEnums()
                .check(PRODUCT);
        assertThat(PRODUCT.get(ParticipantMute.class).isAssignableTo(Spelled.class))
                .isTrue();
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("com.callflowrules.(*)..").should().beFreeOfCycles().check(PRODUCT);
    }

    /** The API's features (petclinic's slices): each uses the shared web plumbing, none another feature. */
    @Test
    void theApiIsSlicedByFeatureOverSharedPlumbing() {
        List<String> features = List.of("configuration", "calls", "rules");
        for (String feature : features) {
            String[] others = features.stream()
                    .filter(other -> !other.equals(feature))
                    .map(other -> "com.callflowrules.api." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("com.callflowrules.api." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(PRODUCT);
        }
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.callflowrules.api",
                        "com.callflowrules.api.requests..",
                        "com.callflowrules.api.openapi..",
                        "com.callflowrules.api.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features.stream()
                        .map(feature -> "com.callflowrules.api." + feature + "..")
                        .toArray(String[]::new))
                .check(PRODUCT);
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("vocabulary")
                .definedBy(
                        "com.callflowrules.facts..", "com.callflowrules.numbers..", "com.callflowrules.description..")
                .layer("property schema")
                .definedBy("com.callflowrules.properties..")
                .layer("rule bases")
                .definedBy("com.callflowrules.rules..")
                .layer("decisions")
                .definedBy("com.callflowrules.decision..")
                .layer("hierarchy")
                .definedBy("com.callflowrules.hierarchy..")
                .layer("store")
                .definedBy("com.callflowrules.store..")
                .layer("live calls")
                .definedBy("com.callflowrules.session..")
                .layer("scenarios")
                .definedBy("com.callflowrules.scenario..")
                .layer("releases")
                .definedBy("com.callflowrules.releases..")
                .layer("ways in")
                .definedBy(
                        "com.callflowrules",
                        "com.callflowrules.api..",
                        "com.callflowrules.webhooks..",
                        "com.callflowrules.cli..",
                        "com.callflowrules.workbench..")
                .whereLayer("vocabulary")
                .mayNotAccessAnyLayer()
                .whereLayer("property schema")
                .mayOnlyAccessLayers("vocabulary")
                .whereLayer("rule bases")
                .mayOnlyAccessLayers("vocabulary", "property schema")
                .whereLayer("decisions")
                .mayOnlyAccessLayers("vocabulary", "property schema", "rule bases")
                .whereLayer("hierarchy")
                .mayOnlyAccessLayers("vocabulary", "property schema")
                .whereLayer("store")
                .mayOnlyAccessLayers("vocabulary")
                .whereLayer("live calls")
                .mayOnlyAccessLayers("vocabulary", "property schema", "rule bases", "decisions", "hierarchy")
                .whereLayer("scenarios")
                .mayOnlyAccessLayers(
                        "vocabulary", "property schema", "rule bases", "decisions", "hierarchy", "store", "live calls")
                .whereLayer("releases")
                .mayOnlyAccessLayers("vocabulary", "rule bases", "decisions", "scenarios")
                .whereLayer("ways in")
                .mayNotBeAccessedByAnyLayer()
                .check(PRODUCT);
    }

    @Test
    void noClassIsOverTheSizeLimit() throws IOException {
        List<String> over = javaFiles()
                .filter(path -> lines(path) > MAX_CLASS_LINES)
                .map(path -> MAIN.relativize(path) + " has " + lines(path) + " lines")
                .toList();

        assertThat(over)
                .as("classes in src/main over %d lines", MAX_CLASS_LINES)
                .isEmpty();
    }

    @Test
    void javaNeverNamesACallFlow() throws IOException {
        List<List<String>> flows;
        try (Stream<Path> definitions = Files.list(Path.of("rules/call-flows"))) {
            flows = definitions
                    .map(p -> words(p.getFileName().toString().replaceFirst("\\.ya?ml$", "")))
                    .toList();
        }
        assertThat(flows).contains(List.of("open"), List.of("secured"), List.of("direct", "host"));

        // every string constant and every name the compiler kept, whatever its case or separators;
        // annotation values and the examples ExactSchemas writes into the API description are
        // documentation (an example release file is call-flows/secured.yaml), not code
        List<String> offenders = new java.util.ArrayList<>();
        for (ClassText text : ClassText.underneath(Path.of("target/classes/com/callflowrules"))) {
            if (text.className().equals("com.callflowrules.api.openapi.ExactSchemas")) {
                continue;
            }
            for (List<String> flow : flows) {
                text.constants().stream()
                        .filter(constant -> java.util.Collections.indexOfSubList(words(constant), flow) >= 0)
                        .forEach(
                                constant -> offenders.add(text.className() + " has the constant \"" + constant + "\""));
                text.names().stream()
                        .filter(name -> words(name).equals(flow))
                        .forEach(name -> offenders.add(text.className() + " has the name " + name));
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theFlowNameCheckSeesAFlowInAnyForm() throws IOException {
        ClassText planted = ClassText.underneath(Path.of("target/test-classes/com/callflowrules")).stream()
                .filter(text -> text.className().equals(Planted.class.getName()))
                .findFirst()
                .orElseThrow();

        List<String> direct = List.of("direct", "host");
        assertThat(planted.constants())
                .filteredOn(constant -> java.util.Collections.indexOfSubList(words(constant), direct) >= 0)
                .hasSize(2) // the second is the concatenation recipe, "flow directHost chosen" and its argument
                .contains("Direct-Host");
        assertThat(planted.names())
                .filteredOn(name -> words(name).equals(List.of("secured")))
                .contains("SECURED");
    }

    /** What the flow-name check must see in compiled code: a flow in other spellings, as a constant and as a name. */
    @SuppressWarnings("unused")
    static final class Planted {

        static final int SECURED = 1;

        static boolean isDirect(String flow, int n) {
            return flow.equals("Direct-Host") || ("flow directHost chosen" + n).equals(flow);
        }
    }

    /** The lower-case words of a constant or a name: split at anything not a letter or digit, and at camelCase. */
    static List<String> words(String text) {
        return java.util.Arrays.stream(
                        text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split("[^A-Za-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir))
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(missing).isEmpty();
        }
    }

    private static long lines(Path path) {
        return read(path).lines().count();
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
