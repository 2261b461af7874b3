-- The comments a plan's page shows are kept per plan (issue 15), under
-- the data version and a version of the plan's own comments: any comment
-- written, edited, answered, removed or deleted moves it on, in the same
-- transaction, so a reader never sees the new number before the comment.
-- Comments do not move the data version: a busy konsultasi publik would
-- empty every kept tree and Cek in the region with each comment.
CREATE TABLE plan_comment_versions (
    plan_id     uuid PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    region_kode text NOT NULL,
    v           bigint NOT NULL
);

INSERT INTO plan_comment_versions (plan_id, region_kode, v)
SELECT plan_id, min(region_kode), 1 FROM comments GROUP BY plan_id;

CREATE FUNCTION bump_plan_comment_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A plan's row exists since its first comment; a plan being
        -- deleted takes its row along.
        UPDATE plan_comment_versions SET v = v + 1 WHERE plan_id = OLD.plan_id;
    ELSE
        INSERT INTO plan_comment_versions (plan_id, region_kode, v)
        VALUES (NEW.plan_id, NEW.region_kode, 1)
        ON CONFLICT (plan_id) DO UPDATE SET v = plan_comment_versions.v + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER comments_plan_version AFTER INSERT OR UPDATE OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION bump_plan_comment_version();

-- The kept comments name each author's organization (from memberships),
-- and the kept plan its region's name: a change to either moves the data
-- version too, as a changed name of a person does (0025).
CREATE CONSTRAINT TRIGGER memberships_data_version AFTER INSERT OR UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER regions_data_version AFTER INSERT OR UPDATE OR DELETE ON regions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
