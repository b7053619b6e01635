package com.callflowrules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.hierarchy.HierarchyCache;
import com.callflowrules.session.CallControl;
import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.Databases;
import com.callflowrules.support.ServiceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two service instances on one PostgreSQL behave as one: calls cross nodes, writes are seen at once, timers fire once. */
class TwoNodesTest {

    /** A number of this run's own: the database is shared with other PostgreSQL tests of the build. */
    private static final String NUMBER = "1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));

    private static final int WAITING_CALLS = 20;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = Databases.postgresUrl();
        nodeA = ServiceNode.start(url, "callflow.rules.watch=false");
        nodeB = ServiceNode.start(url, "callflow.rules.watch=false");
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aCallCrossesNodesAWriteIsSeenAtOnceAndATimerFiresOnce() throws Exception {
        ApiClient a = ServiceNode.api(nodeA);
        ApiClient b = ServiceNode.api(nodeB);
        Answer created = a.post("/accounts", """
                {"name": "Acme", "call_flow_sid": "secured"}""");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String account = created.text("account_sid");
        Answer didCreated = a.post(
                "/dids",
                "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + NUMBER + "\", \"properties\": "
                        + "{\"conference_start_how\": \"host\", \"conference_start_wait\": \"1\"}}");
        assertThat(didCreated.status()).as(didCreated.raw()).isEqualTo(201);
        String did = didCreated.text("did_sid");
        a.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + account
                        + "\", \"access_codes\": [{\"access_code\": \"7\", \"role\": \"participant\"}]}");

        // the call arrives on A and continues on B
        String call = a.post("/calls", "{\"number_dst\": \"" + NUMBER + "\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        Answer waiting = b.post("/calls/" + call + "/access_code", """
                {"access_code": "7"}""");
        assertThat(waiting.body().get("decision").get("action").asString()).isEqualTo("WAIT");

        // a write through A changes B's very next decision, though B had the DID and the decision cached
        b.post("/decisions", "{\"number_dst\": \"" + NUMBER + "\"}");
        assertThat(b.post("/decisions", "{\"number_dst\": \"" + NUMBER + "\"}")
                        .body()
                        .get("properties")
                        .get("conference_moh")
                        .asString())
                .isEqualTo("default");
        assertThat(nodeB.getBean(HierarchyCache.class).hits())
                .as("B answers from its cache")
                .isPositive();
        a.patch("/dids/" + did, """
                {"properties": {"conference_moh": "jazz"}}""");
        Answer whatIf = b.post("/decisions", "{\"number_dst\": \"" + NUMBER + "\"}");
        assertThat(whatIf.body().get("properties").get("conference_moh").asString())
                .isEqualTo("jazz");

        // more callers wait, half through each node
        List<String> waitingCalls = new ArrayList<>(List.of(call));
        for (int i = 1; i < WAITING_CALLS; i++) {
            ApiClient node = i % 2 == 0 ? a : b;
            String next = node.post("/calls", "{\"number_dst\": \"" + NUMBER + "\"}")
                    .body()
                    .get("call")
                    .get("call_sid")
                    .asString();
            assertThat(node.post("/calls/" + next + "/access_code", """
                    {"access_code": "7"}""")
                            .body()
                            .get("decision")
                            .get("action")
                            .asString())
                    .isEqualTo("WAIT");
            waitingCalls.add(next);
        }

        // both nodes fire timers at the same moment: each start-wait timeout fires once, on one node
        Thread.sleep(1_200);
        List<CallControl> nodes = List.of(nodeA.getBean(CallControl.class), nodeB.getBean(CallControl.class));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> fired = new ArrayList<>();
        for (CallControl node : nodes) {
            fired.add(pool.submit(() -> {
                start.await();
                return node.fireDueTimers();
            }));
        }
        start.countDown();
        int total = fired.get(0).get() + fired.get(1).get();
        pool.shutdown();

        assertThat(total).isEqualTo(WAITING_CALLS);
        for (String waited : waitingCalls) {
            Answer ended = b.get("/calls/" + waited);
            assertThat(ended.text("state")).isEqualTo("ended");
            assertThat(ended.text("end_reason")).isEqualTo("START_TIMEOUT");
            List<String> events = new ArrayList<>();
            a.get("/calls/" + waited + "/decisions")
                    .body()
                    .forEach(entry -> events.add(entry.get("event").asString()));
            assertThat(events).as("decisions of " + waited).containsExactly("arrive", "access_code", "admission");
        }
    }

    /** A platform's retry that reaches the other node gets the first node's answer and decides nothing again. */
    @Test
    void aWebhookRetryOnTheOtherNodeGetsTheSameAnswerAndIsDecidedOnce() throws Exception {
        ApiClient a = ServiceNode.api(nodeA);
        String account = a.post("/accounts", """
                        {"name": "Retry", "call_flow_sid": "secured"}""").text("account_sid");
        String number = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        assertThat(a.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"" + number + "\"}")
                        .status())
                .isEqualTo(201);
        a.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + account
                        + "\", \"access_codes\": [{\"access_code\": \"4321\", \"role\": \"host\"}]}");
        String callSid = "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
        String arrival = "CallSid=" + callSid + "&AccountSid=AC" + "a".repeat(32) + "&From=%2B14155550100&To="
                + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)
                + "&CallStatus=ringing&Direction=inbound&ApiVersion=2010-04-01";
        String entry =
                arrival.replace("CallStatus=ringing", "CallStatus=in-progress") + "&Digits=4321&FinishedOnKey=%23";

        String prompt = twiml(nodeA, "voice", arrival);
        String retriedOnB = twiml(nodeB, "voice", arrival);
        // the entry reaches both nodes at once: one decides, the other answers what it decided
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> onA = pool.submit(() -> twiml(nodeA, "access_code?step=0", entry));
        Future<String> onB = pool.submit(() -> twiml(nodeB, "access_code?step=0", entry));
        String joinedA = onA.get();
        String joinedB = onB.get();
        pool.shutdown();

        assertThat(retriedOnB).isEqualTo(prompt);
        assertThat(joinedB).isEqualTo(joinedA).contains("<Conference");
        List<String> events = new ArrayList<>();
        ServiceNode.api(nodeB)
                .get("/calls/" + callSid + "/decisions")
                .body()
                .forEach(e -> events.add(e.get("event").asString()));
        assertThat(events).containsExactly("arrive", "access_code");
    }

    private static String twiml(ConfigurableApplicationContext node, String step, String form) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                        + node.getEnvironment().getProperty("local.server.port")
                                        + "/conference/v2/twiml/" + step))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString("dev:dev-password"
                                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
