package com.callflowrules.releases;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.support.Databases;
import com.callflowrules.support.ShippedRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A node's status row in {@code rule_nodes}, written by its poll. */
class ReleaseFollowerTest {

    private static final Instant START = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void anUnchangedStatusIsWrittenEveryFewPollsNotAtEveryPoll() {
        ReleaseRepository store = new ReleaseRepository(
                JdbcClient.create(Databases.h2()), JsonMapper.builder().build());
        ScenarioClock clock = new ScenarioClock(START);
        RuleBaseHolder ruleBases = new RuleBaseHolder(DecisionEngine.loader(), ShippedRules.DIRECTORY);
        ReleaseFollower follower = new ReleaseFollower(
                store, ruleBases, clock, new ReleaseProperties(false, Duration.ofSeconds(1), Optional.of("node-t")));

        follower.follow();
        assertThat(seenAt(store)).containsExactly(START);

        for (int poll = 1; poll < ReleaseFollower.POLLS_PER_HEARTBEAT; poll++) {
            clock.advance(Duration.ofSeconds(1));
            follower.follow();
            assertThat(seenAt(store)).as("after poll %d", poll).containsExactly(START);
        }

        clock.advance(Duration.ofSeconds(1));
        follower.follow();
        Instant heartbeat = START.plusSeconds(ReleaseFollower.POLLS_PER_HEARTBEAT);
        assertThat(seenAt(store)).containsExactly(heartbeat);
        // within the window GET /rules lists live nodes in (5 polls and 5 s) at every moment
        assertThat(Duration.between(START, heartbeat)).isLessThan(Duration.ofSeconds(1 * 5 + 5));
        assertThat(store.nodes(Instant.EPOCH).get(0).version())
                .isEqualTo(ruleBases.current().version());
    }

    private static List<Instant> seenAt(ReleaseRepository store) {
        return store.nodes(Instant.EPOCH).stream().map(NodeStatus::seenAt).toList();
    }
}
