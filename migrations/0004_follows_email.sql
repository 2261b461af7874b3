-- Following a plan, item or indicator (its comments and stage changes reach
-- the follower's inbox), and the email outbox: notifications not yet
-- mailed are picked up by the server when SMTP is configured.

CREATE TABLE follows (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    object_id   uuid NOT NULL,
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    region_kode text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, object_id)
);
CREATE INDEX follows_object_idx ON follows (object_id);

ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
CREATE INDEX notifications_outbox_idx ON notifications (id) WHERE emailed_at IS NULL;
