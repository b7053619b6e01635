package com.callflowrules.webhooks;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The platform's own sid of each live call that came through the jambonz webhooks
 * ({@code platform_calls}); TwiML calls need none, their sid is the platform's.
 */
@Repository
class PlatformCallRepository {

    static final String JAMBONZ = "jambonz";

    private final JdbcClient jdbc;

    PlatformCallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers that {@code callSid} is jambonz's {@code platformCallSid}; a repeated report changes nothing. */
    void remember(String callSid, String platform, String platformCallSid) {
        jdbc.sql(
                        "INSERT INTO platform_calls (call_sid, platform, platform_call_sid) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(callSid, platform, platformCallSid)
                .update();
    }

    /** The platform's sid of a live call of {@code platform}, if it came through that platform. */
    Optional<String> platformCallSid(String callSid, String platform) {
        return jdbc.sql("SELECT platform_call_sid FROM platform_calls WHERE call_sid = ? AND platform = ?")
                .params(callSid, platform)
                .query(String.class)
                .optional();
    }
}
