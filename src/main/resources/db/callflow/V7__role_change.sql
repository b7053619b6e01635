-- The role-change binding (domain.md section 4): a joined call can be asked for another access
-- code ('changing_role'); wrong entries there are counted apart from those at the prompt.
ALTER TABLE calls DROP CONSTRAINT calls_state_check;
ALTER TABLE calls ADD CONSTRAINT calls_state_check
    CHECK (state IN ('prompting', 'waiting', 'joined', 'changing_role', 'ended'));
ALTER TABLE calls ADD COLUMN role_changes_refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE call_history ADD COLUMN role_changes_refused INTEGER NOT NULL DEFAULT 0;
