-- Collaboration: stage transitions with their notes, approvals (four
-- eyes), stage schedules, immutable snapshots, comments with tindak
-- lanjut, notifications, and what each reader last saw of a plan.

CREATE TYPE transition_kind AS ENUM ('maju', 'penetapan', 'kembali');

-- A frozen copy of a whole plan (sections, items, indicators, targets,
-- pagu, links) taken at a stage transition. Never changed afterwards.
CREATE TABLE plan_snapshots (
    id          uuid PRIMARY KEY,
    region_kode text NOT NULL,
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    stage       plan_stage NOT NULL,
    label       text NOT NULL,
    taken_at    timestamptz NOT NULL DEFAULT now(),
    data        jsonb NOT NULL
);
CREATE INDEX plan_snapshots_plan_idx ON plan_snapshots (plan_id, taken_at);

CREATE FUNCTION plan_snapshots_are_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'plan snapshots are immutable';
    END IF;
    -- Deleting is allowed only together with the plan itself.
    IF EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id) THEN
        RAISE EXCEPTION 'plan snapshots are immutable';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER plan_snapshots_frozen
    BEFORE UPDATE OR DELETE ON plan_snapshots
    FOR EACH ROW EXECUTE FUNCTION plan_snapshots_are_frozen();

CREATE TABLE plan_transitions (
    id          uuid PRIMARY KEY,
    region_kode text NOT NULL,
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind        transition_kind NOT NULL,
    from_stage  plan_stage NOT NULL,
    to_stage    plan_stage NOT NULL,
    note        text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
    actor_id    uuid REFERENCES users (id),
    at          timestamptz NOT NULL DEFAULT now(),
    snapshot_id uuid NOT NULL REFERENCES plan_snapshots (id)
);
CREATE INDEX plan_transitions_plan_idx ON plan_transitions (plan_id, at);

-- When a stage is open for editing. Outside the window, editing is locked.
CREATE TABLE stage_schedules (
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    stage       plan_stage NOT NULL,
    region_kode text NOT NULL,
    opens_at    timestamptz NOT NULL,
    closes_at   timestamptz NOT NULL,
    CHECK (closes_at > opens_at),
    PRIMARY KEY (plan_id, stage)
);

CREATE TYPE comment_visibility AS ENUM ('internal', 'publik');
CREATE TYPE comment_target AS ENUM ('plan', 'paragraph', 'item', 'indicator', 'proposal');
CREATE TYPE tindak_lanjut AS ENUM ('dijawab', 'diterima', 'tidak_diterima');

CREATE TABLE comments (
    id                uuid PRIMARY KEY,
    region_kode       text NOT NULL,
    plan_id           uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    target            comment_target NOT NULL,
    -- The item or indicator (NULL for the plan itself and its paragraphs).
    target_id         uuid,
    -- A paragraph anchor, e.g. `bab-2-p3`.
    anchor            text CHECK (anchor ~ '^bab-[0-9]+-p[0-9]+$'),
    parent_id         uuid REFERENCES comments (id),
    author_id         uuid NOT NULL REFERENCES users (id),
    visibility        comment_visibility NOT NULL,
    body              text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    stage             plan_stage NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    edited_at         timestamptz,
    removed_at        timestamptz,
    removed_by        uuid REFERENCES users (id),
    tl_status         tindak_lanjut,
    tl_answer         text CHECK (length(tl_answer) <= 5000),
    tl_by             uuid REFERENCES users (id),
    tl_at             timestamptz
);
CREATE INDEX comments_plan_idx ON comments (plan_id, created_at);
CREATE INDEX comments_target_idx ON comments (target_id);
CREATE INDEX comments_parent_idx ON comments (parent_id);

CREATE TABLE notifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    region_kode text NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL DEFAULT '',
    link        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, id DESC);

-- What a reader last saw of a plan: "changed since you last looked".
CREATE TABLE plan_views (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    region_kode text NOT NULL,
    seen_at     timestamptz NOT NULL DEFAULT now(),
    data        jsonb NOT NULL,
    PRIMARY KEY (user_id, plan_id)
);
