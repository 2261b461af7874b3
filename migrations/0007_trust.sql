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

-- Whether the session passed the second factor. A session that did not
-- opens nothing for a user who now holds a role that needs one (a role
-- granted while signed in, or any staff session from before this
-- migration), so the next sign-in asks for it.
ALTER TABLE sessions
    ADD COLUMN factor_passed boolean NOT NULL DEFAULT false;

-- Notifications written before they carried what they reveal: those of a
-- comment take its plan and visibility; those of a plan's stage are
-- internal. The same rule then decides who still sees them.
UPDATE notifications n SET plan_id = c.plan_id, audience = c.visibility::text
FROM comments c WHERE n.link = '/komentar/' || c.id::text;
UPDATE notifications n SET plan_id = p.id, audience = 'internal'
FROM plans p WHERE n.link = '/rencana/' || p.id::text;

-- What the approver enacts is what the approver read: while a plan waits
-- for penetapan its content cannot change, whichever path writes it. The
-- policy refuses such edits up front; this closes the race of an edit
-- checked just before the plan moved (it waits for the move's row lock,
-- then sees the new stage).
CREATE FUNCTION refuse_frozen_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    rec jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    pid uuid;
    st  plan_stage;
BEGIN
    pid := CASE TG_TABLE_NAME
        WHEN 'item_pagu' THEN (SELECT plan_id FROM plan_items WHERE id = (rec->>'item_id')::uuid)
        WHEN 'indicator_years' THEN (SELECT plan_id FROM indicators WHERE id = (rec->>'indicator_id')::uuid)
        ELSE (rec->>'plan_id')::uuid
    END;
    SELECT stage INTO st FROM plans WHERE id = pid FOR SHARE;
    IF st = 'menunggu_penetapan' THEN
        RAISE EXCEPTION 'plan % is waiting for penetapan; its content is frozen', pid
            USING ERRCODE = 'SLR01';
    END IF;
    RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['plan_items', 'plan_sections', 'indicators', 'indicator_years',
        'item_pagu', 'agency_ceilings']
    LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
             FOR EACH ROW EXECUTE FUNCTION refuse_frozen_plan()',
            t || '_frozen', t);
    END LOOP;
END;
$$;
