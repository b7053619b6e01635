package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definition and rule files that cannot be read safely (an alias bomb, nesting past the bound,
 * a file over the size bound, bytes that are not UTF-8) are refused with the file and the
 * reason; a reload keeps the running version and records the refusal as the last build (what
 * health shows).
 */
class UnreadableFilesTest {

    private static RuleBaseException refusalAfterEdit(RuleBaseHolder holder, String running) {
        try {
            holder.reload();
        } catch (RuleBaseException e) {
            assertThat(holder.current().version()).isEqualTo(running);
            assertThat(holder.lastBuild().clean()).isFalse();
            assertThat(holder.lastBuild().messages()).isEqualTo(e.messages());
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anAliasBombIsRefused(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        StringBuilder bomb = new StringBuilder("name: open\nbehaviour: open\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append("]\n");
        }
        rules.write("call-flows/open.yaml", bomb.toString());

        RuleBaseException refused = refusalAfterEdit(holder, holder.current().version());

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("call-flows/open.yaml");
            assertThat(m.line()).isPositive();
            // refused at its first anchor, before any alias is expanded
            assertThat(m.reason()).contains("an anchor (&").contains("is refused");
        });
    }

    @Test
    void nestingPastTheBoundIsRefused(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        rules.write(
                "call-flows/open.yaml",
                "name: open\nbehaviour: open\nproperties: " + "[".repeat(60) + "]".repeat(60) + "\n");

        RuleBaseException refused = refusalAfterEdit(holder, holder.current().version());

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("call-flows/open.yaml");
            assertThat(m.reason()).containsIgnoringCase("nesting depth");
        });
    }

    @Test
    void aFileOverTheSizeBoundIsRefusedUnread(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        rules.write("call-flows/huge.yaml", "name: huge\nbehaviour: open\n# " + "x".repeat(3 * 1024 * 1024) + "\n");

        RuleBaseException refused = refusalAfterEdit(holder, holder.current().version());

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("call-flows/huge.yaml");
            assertThat(m.reason()).contains("refused: at most 1048576 bytes");
        });
    }

    @Test
    void bytesThatAreNotUtf8AreRefused(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        Files.write(
                rules.root().resolve("call-flows/latin1.yaml"),
                new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});

        RuleBaseException refused = refusalAfterEdit(holder, holder.current().version());

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("call-flows/latin1.yaml");
            assertThat(m.reason()).isEqualTo("not UTF-8 text");
        });
    }

    @Test
    void aRuleFileThatIsNotUtf8IsRefusedToo(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        Files.write(rules.root().resolve("extra.drl"), new byte[] {'/', '/', ' ', (byte) 0xFF, (byte) 0xFE, '\n'});

        assertThatThrownBy(() -> DecisionEngine.loader().load(rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages())
                                .anySatisfy(m -> assertThat(m.toString()).isEqualTo("extra.drl: not UTF-8 text")));
    }
}
