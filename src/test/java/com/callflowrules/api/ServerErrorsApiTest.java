package com.callflowrules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ServiceTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the web server refuses before the application sees them are answered in the
 * product's JSON error form too: no HTML page, no server version. Sent as raw bytes, since HTTP
 * clients refuse to send most of them.
 */
@ServiceTest
class ServerErrorsApiTest {

    @LocalServerPort
    int port;

    private String raw(String requestLine, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Basic ZGV2OmRldi1wYXNzd29yZA==\r\n"
                            + extraHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /conference/v2/accounts%2F..%2Fx HTTP/1.1",
                "GET /conference/v2/a%00b HTTP/1.1",
                "GET /conference/v2/a%zzb HTTP/1.1",
                "CONNECT localhost:80 HTTP/1.1"
            })
    void aRequestTheServerRefusesIsAnsweredAsJson(String requestLine) throws IOException {
        String answer = raw(requestLine, "");

        String status = answer.lines().findFirst().orElse("");
        assertThat(status).as(answer).matches("HTTP/1.1 (4|5)\\d\\d.*");
        assertThat(answer)
                .as(answer)
                .contains("Content-Type: application/json")
                .contains("\"status\":")
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Apache Tomcat");
    }

    @ParameterizedTest
    @ValueSource(ints = {20_000})
    void anOversizedHeaderIsAnsweredAsJson(int size) throws IOException {
        String answer = raw("GET /conference/v2/accounts HTTP/1.1", "X-Big: " + "a".repeat(size) + "\r\n");

        assertThat(answer.lines().findFirst().orElse("")).as(answer).startsWith("HTTP/1.1 4");
        assertThat(answer).doesNotContainIgnoringCase("<html").doesNotContain("Apache Tomcat");
    }
}
