-- Schema version 5: a group member's `display` as the client sent it
-- (issue 19: clients that compare what they wrote with what they read).
-- NULL when the client sent none: the Group resource then lists the
-- member without a display, never one the server made up.
ALTER TABLE group_members ADD COLUMN display TEXT;
