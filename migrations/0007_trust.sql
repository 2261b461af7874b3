-- Round 2, trust: what a notification reveals, so every channel (inbox,
-- email, later digests) can ask the same visibility rule as the page, for
-- the recipient at delivery.
ALTER TABLE notifications
    ADD COLUMN plan_id  uuid REFERENCES plans (id) ON DELETE CASCADE,
    ADD COLUMN audience text NOT NULL DEFAULT 'personal'
        CHECK (audience IN ('personal', 'publik', 'internal')),
    ADD CONSTRAINT notifications_plan_audience
        CHECK ((audience = 'personal') = (plan_id IS NULL));

-- The staff's second factor (TOTP, RFC 6238) and its recovery codes, kept
-- only as hashes. `totp_last_step` refuses a code used once already.
ALTER TABLE users
    ADD COLUMN totp_secret     bytea,
    ADD COLUMN totp_enabled_at timestamptz,
    ADD COLUMN totp_last_step  bigint;

CREATE TABLE recovery_codes (
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- A session opens nothing until its second step is done: 'needed' (enter
-- a code) or 'enrol' (set up the authenticator first; the secret being set
-- up waits in `totp_candidate`).
ALTER TABLE sessions
    ADD COLUMN second_factor  text NOT NULL DEFAULT 'done'
        CHECK (second_factor IN ('done', 'needed', 'enrol')),
    ADD COLUMN totp_candidate bytea;
