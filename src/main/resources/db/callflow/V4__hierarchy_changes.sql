-- Change log of the hierarchy, read by every node's cache of hierarchy objects (HierarchyCache).
-- Every write to accounts, DID groups, DIDs, rooms and codes bumps the one version row in its own
-- transaction (so versions commit in order) and lists the cache keys it makes stale.

CREATE TABLE hierarchy_version (
    id      INTEGER     NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL,
    -- changes when the table is created anew (a restored or re-created database), so a node never
    -- mistakes a re-used version number for the one it has cached
    epoch   VARCHAR(40) NOT NULL,
    CONSTRAINT hierarchy_version_one_row CHECK (id = 1)
);
INSERT INTO hierarchy_version (id, version, epoch) VALUES (1, 0, CAST(RANDOM() AS VARCHAR(40)));

CREATE TABLE hierarchy_changes (
    version    BIGINT       NOT NULL,
    change_key VARCHAR(300) NOT NULL
);
CREATE INDEX hierarchy_changes_version_idx ON hierarchy_changes (version);
