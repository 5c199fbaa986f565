-- how long a script ran as the customer's computer measured it; started_at and finished_at are
-- when the server learned of it (one clock, so the chat shows output before the script's end)
ALTER TABLE run_step ADD COLUMN run_millis BIGINT;
