package com.callflowrules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.support.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked examples of docs/rule-authoring.md, taken from the page itself, works as the page says. */
class RuleAuthoringGuideTest {

    private static final Pattern FILE_BLOCK =
            Pattern.compile("<!-- file: (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theWorkedExamplesBuildAndTheirScenariosPass() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher block = FILE_BLOCK.matcher(Files.readString(Path.of("docs/rule-authoring.md")));
        while (block.find()) {
            files.put(block.group(1), block.group(2));
        }
        assertThat(files)
                .containsOnlyKeys(
                        "call-flows/secured_lobby.yaml",
                        "scenarios/variants/secured-lobby-waits-for-a-host.yaml",
                        "flows/hotline.drl",
                        "call-flows/hotline.yaml",
                        "scenarios/variants/hotline-first-caller-hosts.yaml");
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        int before = ScenarioSuite.files(rules.root().resolve("scenarios")).size();
        files.forEach(rules::write);

        RuleBase ruleBase = new RuleBaseLoader().load(rules.root());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ScenarioCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("run", "--rules", rules.root().toString());

        assertThat(ruleBase.warnings()).isEmpty();
        assertThat(ruleBase.callFlowByName("secured_lobby")).isPresent();
        assertThat(ruleBase.callFlowByName("hotline")).isPresent();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).as(lines.toString()).isZero();
        assertThat(lines).containsExactly((before + 2) + " passed, 0 failed");
    }
}
