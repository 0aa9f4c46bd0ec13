-- Up Migration
-- Small documents that every instance reads and writes (feed tokens, chart links, logs of a few hundred records):
-- each change locks the row, applies to the current body and writes it back, so no instance overwrites another's.
CREATE TABLE documents (
  name text PRIMARY KEY,
  body jsonb NOT NULL,
  version bigint NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE documents;
