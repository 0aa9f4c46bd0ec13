-- Up Migration
-- Channels may subscribe to the weekly knowledge-gap digest too.
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_topic_check;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_topic_check CHECK (topic IN ('reminders', 'digest', 'gaps'));

-- Down Migration
DELETE FROM subscriptions WHERE topic = 'gaps';
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_topic_check;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_topic_check CHECK (topic IN ('reminders', 'digest'));
