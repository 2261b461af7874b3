-- Round 2, trust: what a notification reveals, so every channel (inbox,
-- email, later digests) can ask the same visibility rule as the page, for
-- the recipient at delivery.
ALTER TABLE notifications
    ADD COLUMN plan_id  uuid REFERENCES plans (id) ON DELETE CASCADE,
    ADD COLUMN audience text NOT NULL DEFAULT 'personal'
        CHECK (audience IN ('personal', 'publik', 'internal')),
    ADD CONSTRAINT notifications_plan_audience
        CHECK ((audience = 'personal') = (plan_id IS NULL));
