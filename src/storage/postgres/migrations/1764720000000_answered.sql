-- Up Migration
-- The answered messages feedback may name (Teams' thumbs up/down carries only the message id): any instance
-- may receive the feedback on another instance's answer. No user ids; pruned after two weeks.
CREATE TABLE answered (
  message_id text PRIMARY KEY,
  at text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX answered_at ON answered (at);

-- Down Migration
DROP TABLE answered;
