package com.callflowrules.releases;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.Databases;
import com.callflowrules.support.ServiceNode;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nodes on one PostgreSQL follow the published release: a publish through one reaches the other
 * within the 5 s the product promises, a node that cannot build the published release keeps its
 * last good one and says so, and a node that starts later joins on the published release.
 */
class TwoNodesReleaseTest {

    /** The promise: within this of a publish, every live node decides with it. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    /**
     * A rule that fires 200 times on every arrival and then stops: node A's bounds allow it, node
     * B's ({@code max-rules-fired=100}) refuse it at its arrival probe.
     */
    private static final String COUNTS_TO_200 = """
            package callflow;

            import com.callflowrules.facts.*;

            declare Counter
                value : int
            end

            rule "count: start"
                ruleflow-group "details"
            when
                CallArrived()
            then
                insert(new Counter(0));
            end

            rule "count: up to 200"
                ruleflow-group "details"
            when
                $counter : Counter(value < 200)
            then
                modify($counter) { setValue($counter.getValue() + 1) }
            end
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(TwoNodesReleaseTest.class);

    private static String url;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        url = Databases.postgresUrl("two_nodes_releases");
        nodeA = node("node-a");
        nodeB = node("node-b", "callflow.decisions.max-rules-fired=100");
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    private static ConfigurableApplicationContext node(String id, String... more) {
        String[] settings = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("callflow.retention.enabled=false", "callflow.rules.node-id=" + id),
                        java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return ServiceNode.start(url, settings);
    }

    private static ApiClient api(ConfigurableApplicationContext node) {
        return ServiceNode.api(node);
    }

    private static JsonNode health(ConfigurableApplicationContext node) {
        return new ApiClient(ServiceNode.port(node), "")
                .get("/actuator/health")
                .body()
                .get("components")
                .get("releases")
                .get("details");
    }

    /** Publishes a release made from the published one with {@code path} set to {@code content}. */
    private static String publish(ApiClient node, String message, String path, String content) {
        String base = node.get("/rules").text("published");
        Answer made = node.post(
                "/rule_releases",
                "{\"base\": \"" + base + "\", \"message\": " + JSON.writeValueAsString(message) + ", \"files\": {"
                        + JSON.writeValueAsString(path) + ": " + JSON.writeValueAsString(content) + "}}");
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(made.text("state")).as(made.raw()).isEqualTo("checked");
        String version = made.text("version");
        assertThat(node.post("/rule_releases/" + version + "/approve", "{}").status())
                .isEqualTo(200);
        Answer published = node.post("/rule_releases/" + version + "/publish", "{\"replaces\": \"" + base + "\"}");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return version;
    }

    /** Waits until {@code done} holds, at most {@link #WITHIN}; the time it took. */
    private static Duration within(String what, Supplier<Boolean> done) {
        long start = System.nanoTime();
        long deadline = start + WITHIN.toNanos();
        while (!done.get()) {
            assertThat(System.nanoTime()).as(what + " within " + WITHIN).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static JsonNode nodeRow(ApiClient node, String id) {
        return node.get("/rules")
                .body()
                .get("nodes")
                .valueStream()
                .filter(row -> row.get("node_id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not among the live nodes"));
    }

    @Test
    void aPublishReachesEveryNodeANodeThatCannotBuildItSaysSoAndANewNodeJoinsOnIt() {
        ApiClient a = api(nodeA);
        ApiClient b = api(nodeB);
        String first = a.get("/rules").text("published");
        assertThat(b.get("/rules").text("version"))
                .as("the second node joined on the release the first one published from its directory")
                .isEqualTo(first);

        String five = publish(a, "five tries", "call-flows/secured_five.yaml", ReleasesApiTest.FIVE_TRIES);
        Duration reached =
                within("node B runs " + five, () -> five.equals(b.get("/rules").text("version")));
        LOG.info("node B ran the published release {} ms after the publish answered", reached.toMillis());

        // B decides a call with it, and its audit names the release
        String account = a.post("/accounts", """
                        {"name": "Five", "call_flow_sid": "secured_five"}""").text("account_sid");
        String number = "+1555%07d".formatted(System.nanoTime() % 10_000_000);
        assertThat(a.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + number + "\"}")
                        .status())
                .isEqualTo(201);
        Answer call = b.post("/calls", "{\"number_dst\": \"" + number + "\"}");
        assertThat(call.status()).as(call.raw()).isEqualTo(201);
        assertThat(call.body().get("decision").get("attempts_left").asInt()).isEqualTo(5);
        String sid = call.body().get("call").get("call_sid").asString();
        assertThat(a.get("/calls/" + sid + "/decisions")
                        .body()
                        .get(0)
                        .get("rule_base_version")
                        .asString())
                .isEqualTo(five);

        // a release B's bounds refuse: A runs it, B stays on its last good one and says why
        String counting = publish(a, "count to 200", "extra/count.drl", COUNTS_TO_200);
        assertThat(a.get("/rules").text("version")).isEqualTo(counting);
        within(
                "node B reports it cannot build " + counting,
                () -> counting.equals(
                        nodeRow(a, "node-b").path("failed_version").asString("")));
        JsonNode rowB = nodeRow(a, "node-b");
        assertThat(rowB.get("version").asString()).isEqualTo(five);
        assertThat(rowB.get("failure").asString()).isNotBlank();
        assertThat(b.get("/rules").text("version")).isEqualTo(five);
        assertThat(b.get("/rules").text("published")).isEqualTo(counting);
        JsonNode healthB = health(nodeB);
        assertThat(healthB.get("failed_version").asString()).isEqualTo(counting);
        assertThat(healthB.get("runs_published").asBoolean()).isFalse();
        assertThat(healthB.get("running").asString()).isEqualTo(five);
        assertThat(health(nodeA).get("runs_published").asBoolean()).isTrue();
        assertThat(b.post("/calls", "{\"number_dst\": \"" + number + "\"}")
                        .body()
                        .get("decision")
                        .get("attempts_left")
                        .asInt())
                .as("B still decides with its last good release")
                .isEqualTo(5);

        // a node started now joins on the published release
        try (ConfigurableApplicationContext nodeC = node("node-c")) {
            ApiClient c = api(nodeC);
            assertThat(c.get("/rules").text("version")).isEqualTo(counting);
            assertThat(nodeRow(a, "node-c").get("version").asString()).isEqualTo(counting);
            assertThat(nodeRow(a, "node-a").get("version").asString()).isEqualTo(counting);
        }
    }
}
