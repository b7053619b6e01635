package com.callflowrules.api.requests;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The server's own error answers (a path Tomcat refuses before the application sees it: encoded
 * slashes, NUL, bad escapes; oversized headers; methods it does not implement) as the product's
 * JSON error body instead of Tomcat's HTML page. Never a stack trace or a server version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        String reason = known == null ? null : known.getReasonPhrase();
        String error =
                reason == null ? "error" : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "_");
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"status\":" + status + ",\"error\":\"" + error
                        + "\",\"message\":\"the server refused the request (" + (reason == null ? status : reason)
                        + ")\",\"errors\":[]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }
}
