-- Live state: running meetings and calls (domain.md section 5). A meeting row exists only while
-- the meeting runs, so "one meeting per room" is a unique constraint; calls keep their history.
-- A meeting's room may be an implicit room of a direct flow, which has no meeting_rooms row.

CREATE TABLE meetings (
    meeting_sid       VARCHAR(36) NOT NULL PRIMARY KEY,
    meeting_room_sid  VARCHAR(36) NOT NULL,
    account_sid       VARCHAR(36) NOT NULL,
    locked            BOOLEAN     NOT NULL DEFAULT FALSE,
    on_hold           VARCHAR(3)  NOT NULL DEFAULT '',
    participant_muted VARCHAR(7)  NOT NULL DEFAULT 'false',
    recording         BOOLEAN     NOT NULL DEFAULT FALSE,
    stop_due_at       TIMESTAMP WITH TIME ZONE,   -- the stop grace timer, while it runs
    stop_call_sid     VARCHAR(36),                -- the call whose leaving started it
    date_created      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT meetings_one_per_room UNIQUE (meeting_room_sid),
    CONSTRAINT meetings_participant_muted_check CHECK (participant_muted IN ('false', 'relaxed', 'true'))
);
CREATE INDEX meetings_stop_due_idx ON meetings (stop_due_at);

CREATE TABLE calls (
    call_sid         VARCHAR(36) NOT NULL PRIMARY KEY,
    number_src       VARCHAR(32),
    number_dst       VARCHAR(32) NOT NULL,
    did_sid          VARCHAR(36),
    state            VARCHAR(16) NOT NULL,
    access_code      VARCHAR(16),
    role             VARCHAR(11),
    attempts_used    INTEGER     NOT NULL DEFAULT 0,
    meeting_room_sid VARCHAR(36),
    meeting_sid      VARCHAR(36),
    muted            BOOLEAN     NOT NULL DEFAULT FALSE,
    on_hold          BOOLEAN     NOT NULL DEFAULT FALSE,
    wait_started_at  TIMESTAMP WITH TIME ZONE,
    wait_deadline    TIMESTAMP WITH TIME ZONE,    -- the start-wait timer, while the call waits
    end_reason       VARCHAR(32),
    date_created     TIMESTAMP WITH TIME ZONE NOT NULL,
    date_joined      TIMESTAMP WITH TIME ZONE,
    date_ended       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT calls_state_check CHECK (state IN ('prompting', 'waiting', 'joined', 'ended'))
);
CREATE INDEX calls_meeting_idx ON calls (meeting_sid);
CREATE INDEX calls_room_state_idx ON calls (meeting_room_sid, state);
CREATE INDEX calls_wait_deadline_idx ON calls (wait_deadline);
