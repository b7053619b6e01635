package com.callflowrules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ShippedRules;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every regression scenario under rules/scenarios, one test each, against the shipped rules. */
class ScenarioSuiteTest {

    static final Path SCENARIOS = ShippedRules.DIRECTORY.resolve("scenarios");

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        ScenarioRunner runner = new ScenarioRunner(ShippedRules.engine());
        List<Path> files = ScenarioSuite.files(SCENARIOS);
        assertThat(files).isNotEmpty();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.toString(), SCENARIOS.resolve(file).toUri(), () -> {
                            ScenarioResult result = runner.run(ScenarioSuite.read(SCENARIOS, file));
                            assertThat(result.passed()).as(result.report()).isTrue();
                        }));
    }
}
