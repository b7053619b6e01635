package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.support.RulesCopy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other side of the sandbox: rules an analyst reasonably writes ({@code src/test/resources/
 * benign-rules}: single-quoted names, string joins, small collections, accumulate functions,
 * {@code not}/{@code exists}/{@code forall}, a function, a declared enum, an MVEL consequence,
 * {@code Locale.ROOT}) build beside the shipped rules, pass every check, and every rule of the
 * file fires on an arrival.
 */
class BenignRulesTest {

    private static final Pattern RULE_NAME = Pattern.compile("^rule\\s+(?:\"([^\"]+)\"|'([^']+)')", Pattern.MULTILINE);

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(BenignRulesTest.class.getResource("/benign-rules").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void itBuildsAndEveryRuleOfItFires(Path file, @TempDir Path dir) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        RulesCopy rules = RulesCopy.of(dir.resolve("rules")).write("extra/" + file.getFileName(), text);

        RuleBase ruleBase = DecisionEngine.loader().load(rules.root());
        Evaluation evaluation = ruleBase.evaluate(List.of(new CallArrived("15550001000", "15550009999")));

        Matcher names = RULE_NAME.matcher(text);
        int count = 0;
        while (names.find()) {
            String name = names.group(1) != null ? names.group(1) : names.group(2);
            assertThat(evaluation.rulesFired()).as("rules fired").contains(name);
            count++;
        }
        assertThat(count).as("rules in " + file.getFileName()).isPositive();
        assertThat(ruleBase.warnings()).isEmpty();
    }
}
