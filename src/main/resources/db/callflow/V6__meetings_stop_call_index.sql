-- The retention sweep keeps the ended call a running meeting's stop timer refers to; it looks
-- meetings up by that call for every history row it prunes.
CREATE INDEX meetings_stop_call_idx ON meetings (stop_call_sid);
