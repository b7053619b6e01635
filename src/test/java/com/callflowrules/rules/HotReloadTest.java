package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule changes while calls are being decided: never a failed decision, never a broken or mixed version. */
class HotReloadTest {

    @TempDir
    Path dir;

    @Test
    void fiftyReloadsCleanAndBrokenUnderLoadFailNoDecisionAndServeOnlyCleanVersions() throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        DecisionEngine engine = new DecisionEngine(holder);
        Set<String> clean = ConcurrentHashMap.newKeySet();
        clean.add(holder.current().version());
        String original = rules.read("call-flows/secured.yaml");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong decisions = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Set<String> served = ConcurrentHashMap.newKeySet();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            callers.submit(() -> {
                while (running.get()) {
                    try {
                        Decision decision = engine.decide(
                                new CallArrived(Hierarchy.NUMBER, "1"),
                                Hierarchy.account("secured").facts());
                        served.add(decision.ruleBaseVersion());
                        // the version and the decision agree: attempts come from that version's secured.yaml
                        assertThat(decision.attemptsLeft()).isBetween(1, 10);
                        decisions.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            boolean broken = i % 3 == 2;
            rules.write(
                    "call-flows/secured.yaml",
                    broken
                            ? original.replace("properties: {}", "properties:\n  accesscode_max_attempts: \"eleven\"")
                            : original.replace(
                                    "properties: {}",
                                    "properties:\n  accesscode_max_attempts: \"" + (1 + i % 9) + "\""));
            try {
                clean.add(holder.reload().version());
            } catch (RuleBaseException e) {
                refused++;
            }
        }
        running.set(false);
        callers.shutdown();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(decisions.get()).isGreaterThan(100);
        assertThat(refused).isEqualTo(16);
        assertThat(clean).contains(served.toArray(String[]::new));
        assertThat(served).hasSizeGreaterThan(1);
    }

    @Test
    @SuppressWarnings("try") // the watcher works while it is open; closing it stops it
    void theWatcherReloadsAnEditOnceTheWritesSettle() throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        String before = holder.current().version();
        try (RulesWatcher watcher = new RulesWatcher(holder, Duration.ofMillis(200))) {
            for (int i = 0; i < 5; i++) {
                // an editor's burst of writes
                rules.write("call-flows/open.yaml", rules.read("call-flows/open.yaml") + "# save " + i + "\n");
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !holder.current().version().equals(before));
            assertThat(holder.versions()).hasSize(2);

            String good = holder.current().version();
            rules.write("behaviours.drl", rules.read("behaviours.drl") + "\nrule broken when then end end\n");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !holder.lastBuild().clean());
            assertThat(holder.current().version()).isEqualTo(good);
        }
    }
}
