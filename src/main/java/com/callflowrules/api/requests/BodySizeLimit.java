package com.callflowrules.api.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are at most {@value #MAX_BYTES} bytes: a larger declared length is answered 413
 * before anything is read, and a body that streams past the limit stops being read there (413
 * too), so no client can make the service parse hundreds of megabytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimit extends OncePerRequestFilter {

    public static final long MAX_BYTES = 1_048_576;

    /** A body that went past the limit while it was read. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("the request body is larger than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.setHeader("Connection", "close");
            response.getOutputStream()
                    .write(
                            ("{\"status\":413,\"error\":\"payload_too_large\",\"message\":\"the request body is larger than "
                                            + MAX_BYTES + " bytes\",\"errors\":[]}")
                                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BYTES) {
                            throw new BodyTooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > MAX_BYTES) {
                            throw new BodyTooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
