-- an agent sends again what the server may not have had (its outbox, after a lost link or a crash):
-- a customer's chat line is kept once, by the id of the event that carried it
ALTER TABLE chat_message ADD COLUMN event_id VARCHAR(128);
CREATE UNIQUE INDEX chat_message_event ON chat_message (event_id);
-- a script's output comes in numbered parts: the parts that never arrived (a gap) are counted
ALTER TABLE run_step ADD COLUMN output_missing INTEGER DEFAULT 0 NOT NULL;
