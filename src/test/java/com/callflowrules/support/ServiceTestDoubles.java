package com.callflowrules.support;

import com.callflowrules.scenario.ScenarioClock;
import com.callflowrules.webhooks.TwilioCalls;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * What {@link ServiceTest} puts in place of the outside world: a clock that moves only when a test
 * advances it, Twilio's REST API as a recording of what was asked of it, and jambonz's REST API
 * as a server on loopback that records each request and answers 204, as jambonz does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServiceTestDoubles {

    /** The Twilio auth token the service checks webhook signatures with. */
    public static final String TWILIO_AUTH_TOKEN = "12345678901234567890123456789012";

    /** The jambonz account the service answers webhooks of. */
    public static final String JAMBONZ_ACCOUNT = "fef61e75-cec3-496c-a7bc-8368e4d02a04";

    /** The key the service calls jambonz's REST API with. */
    public static final String JAMBONZ_API_KEY = "9404e5f7-9a77-4bcc-b0fa-5665ace28ab3";

    /** The clock the service and its timers read. */
    @Bean
    @Primary
    public ScenarioClock testClock() {
        return new ScenarioClock(Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Bean
    @Primary
    public RecordingTwilioCalls recordingTwilioCalls() {
        return new RecordingTwilioCalls();
    }

    /**
     * Starts jambonz's stand-in and points the service at it before the configuration is read
     * (the jambonz client is only configured when its URL is set), and offers it to the tests.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            JambonzApiStandIn jambonz = new JambonzApiStandIn();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "jambonz-api-stand-in", Map.of("callflow.webhooks.jambonz-api-url", jambonz.url())));
            context.getBeanFactory().registerSingleton("jambonzApiStandIn", jambonz);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    jambonz.stop();
                }
            });
        }
    }

    /** Records the calls the service asks Twilio to end or change. */
    public static final class RecordingTwilioCalls implements TwilioCalls {
        public final List<String> completed = new CopyOnWriteArrayList<>();
        public final List<String> participants = new CopyOnWriteArrayList<>();

        @Override
        public void complete(String callSid) {
            completed.add(callSid);
        }

        @Override
        public void updateParticipant(String conferenceName, String callSid, boolean muted, boolean onHold) {
            participants.add(conferenceName + " " + callSid + " muted=" + muted + " hold=" + onHold);
        }
    }

    /** jambonz's REST API on loopback: each request as "METHOD path Authorization body". */
    public static final class JambonzApiStandIn {
        public final List<String> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        JambonzApiStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/api";
        }

        void stop() {
            server.stop(0);
        }
    }
}
