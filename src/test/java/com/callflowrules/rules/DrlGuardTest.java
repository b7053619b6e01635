package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guard rails: each construct that reaches outside the domain is refused with file, line and name, and nothing is swapped. */
class DrlGuardTest {

    @TempDir
    Path dir;

    private static String rule(String consequence) {
        return """
                package callflow;

                import com.callflowrules.facts.*;

                rule "guard: reaches out"
                when
                    CallArrived()
                then
                    %s
                end
                """.formatted(consequence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "system|System.exit(1);|'System' is refused: rules may not reach the system (System)",
                "runtime|Runtime.getRuntime().halt(1);|'Runtime' is refused: rules may not reach the runtime (Runtime)",
                "thread|new Thread(() -> {}).start();|'Thread' is refused: rules may not reach threads (Thread)",
                "reflection|\"x\".getClass().getDeclaredMethod(\"length\");|'getClass' is refused: rules may not reach reflection (getClass)",
                "files|java.nio.file.Files.delete(java.nio.file.Path.of(\"rules\"));|'java.nio.file.Files.delete' is refused: it reaches outside the domain",
                "sockets|new java.net.Socket(\"localhost\", 80);|'java.net.Socket' is refused: it reaches outside the domain",
                "process|new ProcessBuilder(\"sh\").start();|'ProcessBuilder' is refused: rules may not reach processes (ProcessBuilder)",
                "class loading|Class.forName(\"java.lang.Runtime\");|'Class' is refused: rules may not reach reflection (Class)",
                "class loader|ClassLoader.getSystemClassLoader();|'ClassLoader' is refused: rules may not reach class loading (ClassLoader)",
                "randomness|int dice = (int) (Math.random() * 6);|'random' is refused: rules may not reach randomness (Math.random)",
                "random numbers|new java.util.Random().nextInt();|'java.util.Random' is refused: it reaches outside the domain",
                "random ids|java.util.UUID.randomUUID();|'java.util.UUID.randomUUID' is refused: it reaches outside the domain",
                "the clock|new java.util.Date();|'java.util.Date' is refused: it reaches outside the domain"
            })
    void aConstructReachingOutsideTheDomainIsRefusedWithFileLineAndName(
            String construct, String consequence, String message) {
        RulesCopy rules = RulesCopy.of(dir).write("guard.drl", rule(consequence));
        RuleBaseHolder holder = holderOnShippedRulesThen(rules, "guard.drl");
        String running = holder.current().version();

        assertThatThrownBy(holder::reload)
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages()).contains(new RuleMessage("guard.drl", 9, message)));
        assertThat(holder.current().version()).as("nothing was swapped").isEqualTo(running);
    }

    @Test
    void importsOutsideTheAllowedSetAreRefusedWithTheirLine() {
        RulesCopy rules = RulesCopy.of(dir).write("guard.drl", """
                package callflow;
                import java.util.Map;
                import java.io.File;
                import static java.lang.System.exit;
                """);

        assertThatThrownBy(() -> new RuleBaseLoader().load(rules.root()))
                .isInstanceOfSatisfying(RuleBaseException.class, e -> {
                    assertThat(e.messages())
                            .extracting(RuleMessage::line)
                            .contains(3, 4)
                            .doesNotContain(2);
                    assertThat(e.messages())
                            .anySatisfy(m -> assertThat(m.reason()).startsWith("import of 'java.io.File' is refused"));
                });
    }

    @Test
    void globalsAreRefused() {
        RulesCopy rules = RulesCopy.of(dir).write("guard.drl", """
                package callflow;

                global java.util.List results;
                """);

        assertThatThrownBy(() -> new RuleBaseLoader().load(rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages())
                                .contains(new RuleMessage(
                                        "guard.drl",
                                        3,
                                        "global 'results' is refused: a global is shared by every decision; "
                                                + "return results by inserting facts")));
    }

    @Test
    void commentsAndStringsThatNameRefusedThingsAreFine() {
        RulesCopy rules = RulesCopy.of(dir).write("guard.drl", """
                package callflow;
                import com.callflowrules.facts.*;

                // System, Runtime and Thread in a comment are only words.
                rule "guard: harmless"
                    ruleflow-group "details"
                when
                    CallArrived(numberSrc == "System.exit")
                then
                    /* new Thread() */
                    insert(new Media(99, MediaStep.play("Runtime", "en_US")));
                end
                """);

        assertThat(new RuleBaseLoader().load(rules.root()).files()).contains("guard.drl");
    }

    /** A holder running the shipped rules, with {@code extra} added afterwards. */
    private RuleBaseHolder holderOnShippedRulesThen(RulesCopy rules, String extra) {
        String text = rules.read(extra);
        rules.delete(extra);
        RuleBaseHolder holder = new RuleBaseHolder(new RuleBaseLoader(), rules.root());
        rules.write(extra, text);
        return holder;
    }
}
