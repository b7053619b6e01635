-- The configuration hierarchy (domain.md section 1). Runs unchanged on H2 (MODE=PostgreSQL)
-- and PostgreSQL. Integrity lives here, not only in Java, so concurrent writes cannot break it.
-- Call flows are defined by rule files, not stored: their sids are checked by the service.
-- properties: a JSON object of string to string, validated against the property schema on write.

CREATE TABLE accounts (
    account_sid   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    call_flow_sid VARCHAR(36),
    properties    TEXT         NOT NULL DEFAULT '{}',
    date_created  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE did_groups (
    did_group_sid VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_sid   VARCHAR(36)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    call_flow_sid VARCHAR(36),
    properties    TEXT         NOT NULL DEFAULT '{}',
    date_created  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT did_groups_account_fk FOREIGN KEY (account_sid) REFERENCES accounts (account_sid),
    -- lets DIDs and rooms reference a group of their own account only
    CONSTRAINT did_groups_sid_account_unique UNIQUE (did_group_sid, account_sid)
);
CREATE INDEX did_groups_account_idx ON did_groups (account_sid);

CREATE TABLE dids (
    did_sid       VARCHAR(36) NOT NULL PRIMARY KEY,
    account_sid   VARCHAR(36) NOT NULL,
    phonenumber   VARCHAR(15) NOT NULL,
    did_group_sid VARCHAR(36),
    call_flow_sid VARCHAR(36),
    properties    TEXT        NOT NULL DEFAULT '{}',
    date_created  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dids_phonenumber_unique UNIQUE (phonenumber),
    CONSTRAINT dids_account_fk FOREIGN KEY (account_sid) REFERENCES accounts (account_sid),
    CONSTRAINT dids_did_group_fk FOREIGN KEY (did_group_sid, account_sid) REFERENCES did_groups (did_group_sid, account_sid)
);
CREATE INDEX dids_account_idx ON dids (account_sid);
CREATE INDEX dids_did_group_idx ON dids (did_group_sid);

-- scope is the room's did_group_sid, or '' for an account-wide room: access codes are unique per
-- (account, scope), and a NULL would not take part in a unique constraint.
CREATE TABLE meeting_rooms (
    meeting_room_sid VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_sid      VARCHAR(36)  NOT NULL,
    name             VARCHAR(255),
    did_group_sid    VARCHAR(36),
    scope            VARCHAR(36)  NOT NULL,
    ad_hoc           BOOLEAN      NOT NULL DEFAULT FALSE,
    properties       TEXT         NOT NULL DEFAULT '{}',
    date_created     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT meeting_rooms_scope_check CHECK (scope = COALESCE(did_group_sid, '')),
    CONSTRAINT meeting_rooms_account_fk FOREIGN KEY (account_sid) REFERENCES accounts (account_sid),
    CONSTRAINT meeting_rooms_did_group_fk FOREIGN KEY (did_group_sid, account_sid) REFERENCES did_groups (did_group_sid, account_sid),
    CONSTRAINT meeting_rooms_scope_unique UNIQUE (meeting_room_sid, account_sid, scope)
);
CREATE INDEX meeting_rooms_account_idx ON meeting_rooms (account_sid);
CREATE INDEX meeting_rooms_did_group_idx ON meeting_rooms (did_group_sid);

-- A code carries its room's account and scope (kept equal by the foreign key, which follows a
-- room that moves to another scope), so uniqueness per (account, scope) is one constraint.
CREATE TABLE access_codes (
    meeting_room_sid VARCHAR(36) NOT NULL,
    account_sid      VARCHAR(36) NOT NULL,
    scope            VARCHAR(36) NOT NULL,
    access_code      VARCHAR(16) NOT NULL,
    role             VARCHAR(11) NOT NULL,
    position         INTEGER     NOT NULL,  -- the code's place in the room's list, as written
    CONSTRAINT access_codes_pk PRIMARY KEY (meeting_room_sid, access_code),
    CONSTRAINT access_codes_role_check CHECK (role IN ('host', 'participant', 'listener')),
    CONSTRAINT access_codes_unique_in_scope UNIQUE (account_sid, scope, access_code),
    CONSTRAINT access_codes_room_fk FOREIGN KEY (meeting_room_sid, account_sid, scope)
        REFERENCES meeting_rooms (meeting_room_sid, account_sid, scope) ON DELETE CASCADE ON UPDATE CASCADE
);
