-- Schema version 5: the highest sequence number ever given, so that numbers
-- never go back when retention or a forgotten tenant removes the newest
-- records (SQLite would number the next insert from what is left, and a
-- `log --follow` past that number would miss it).
CREATE TABLE log_high_water (
    seq  INTEGER NOT NULL
) STRICT;
INSERT INTO log_high_water (seq) SELECT coalesce(max(seq), 0) FROM provisioning_log;
