-- Calls that came through a platform whose call sid is not the service's: the platform's own
-- sid, so that a timer that ends the call can tell the platform which call. The row goes with
-- the live call (moved to history: no platform to tell any more).
CREATE TABLE platform_calls (
    call_sid          VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES calls (call_sid) ON DELETE CASCADE,
    platform          VARCHAR(16) NOT NULL CHECK (platform IN ('jambonz')),
    platform_call_sid VARCHAR(64) NOT NULL
);
