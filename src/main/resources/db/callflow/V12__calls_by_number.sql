-- Finding the calls to or from a number (the workbench's "decisions in production"): the history
-- grows with every call, so it is searched by index; the hot calls table holds only live and
-- recently ended calls, and its writes are on the call path, so it is left unindexed.
CREATE INDEX call_history_number_dst_idx ON call_history (number_dst, date_created);
CREATE INDEX call_history_number_src_idx ON call_history (number_src, date_created);
