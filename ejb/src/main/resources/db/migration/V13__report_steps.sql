-- the script step a report entry tells the end of, so that the report shows the step's details
-- and output beside it
ALTER TABLE session_event ADD COLUMN step_id BIGINT;
