-- a session whose computer restarts: since when (null when it is not restarting), whether it is
-- overdue, and how long the last restart took
ALTER TABLE support_session ADD COLUMN restarting_since TIMESTAMP;
ALTER TABLE support_session ADD COLUMN restart_overdue BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE support_session ADD COLUMN last_restart_millis BIGINT;
