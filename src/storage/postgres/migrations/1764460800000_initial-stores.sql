-- Up Migration
-- Every store of the bot (see src/storage/postgres/). Times the domain keeps as ISO text stay text inside the JSON,
-- so a task reads back exactly as it was written, on either backend.

-- Short numbers per scope (a team's task numbers, the chat deadlines' ids): the row is locked by the increment until
-- the insert that uses the number commits, so two instances never hand out the same number.
CREATE TABLE counters (
  name text PRIMARY KEY,
  next_value integer NOT NULL CHECK (next_value > 0)
);

CREATE TABLE tasks (
  team text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  status text NOT NULL CHECK (status IN ('open', 'done')),
  due text,
  data jsonb NOT NULL,
  PRIMARY KEY (team, number)
);
CREATE INDEX tasks_open ON tasks (team) WHERE status = 'open';

CREATE TABLE deadlines (
  id text PRIMARY KEY,
  title text NOT NULL,
  title_key text NOT NULL,
  date text NOT NULL,
  data jsonb NOT NULL
);
-- The same title on the same date is one deadline, whichever instance is asked twice.
CREATE UNIQUE INDEX deadlines_title_date ON deadlines (date, title_key);

CREATE TABLE subscriptions (
  topic text NOT NULL CHECK (topic IN ('reminders', 'digest')),
  key text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('da', 'en')),
  since text NOT NULL,
  PRIMARY KEY (topic, key)
);

CREATE TABLE conversations (
  key text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
  conversation_id text NOT NULL,
  ref jsonb NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX conversations_by_conversation ON conversations (conversation_id);

CREATE TABLE greeted (
  key text PRIMARY KEY,
  at text NOT NULL
);

-- Documents written by one instance at a time (the outbox with its sent-log): a snapshot plus a journal of changes,
-- the same format as the files in STATE_DIR.
CREATE TABLE state_snapshots (
  name text PRIMARY KEY,
  body text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE state_journal (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  segment integer NOT NULL,
  body text NOT NULL
);
CREATE INDEX state_journal_by_name ON state_journal (name, segment, id);

-- Who runs the schedule (reminder scan, digest, outbox delivery): one holder at a time, until expires_at (the
-- database's clock). `fence` grows with every change of holder.
CREATE TABLE leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL,
  fence bigint NOT NULL
);

-- Down Migration
DROP TABLE leases;
DROP TABLE state_journal;
DROP TABLE state_snapshots;
DROP TABLE greeted;
DROP TABLE conversations;
DROP TABLE subscriptions;
DROP TABLE deadlines;
DROP TABLE tasks;
DROP TABLE counters;
