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

-- A counter of committed changes to what Cek Keselarasan reads, so public
-- check results can be cached per version of the data. Bumped once per
-- transaction, at commit (a deferred constraint trigger), in a row, so a
-- reader never sees the new number before the data it stands for.
CREATE TABLE data_version (
    id integer PRIMARY KEY CHECK (id = 1),
    v  bigint NOT NULL
);
INSERT INTO data_version VALUES (1, 0);

CREATE FUNCTION bump_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('selaras.data_bumped', true) IS DISTINCT FROM 'ya' THEN
        UPDATE data_version SET v = v + 1 WHERE id = 1;
        PERFORM set_config('selaras.data_bumped', 'ya', true);
    END IF;
    RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['plans', 'plan_items', 'plan_sections', 'indicators',
        'indicator_years', 'item_pagu', 'agency_ceilings', 'alignment_links', 'kerja_sama',
        'kerja_sama_items', 'kerja_sama_partners', 'kerja_sama_milestones', 'organizations',
        'proposals', 'kamus_usulan', 'nomenklatur', 'stage_schedules']
    LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()',
            t || '_data_version', t);
    END LOOP;
END;
$$;
