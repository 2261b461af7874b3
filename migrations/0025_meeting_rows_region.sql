-- A meeting's invitees and attendance carry its region too (issue 15,
-- point 7), as the rows under a kerja sama do since 0022: every tenant
-- table then has the key a distributed database shards by (README,
-- "Scaling"), and tests/it/tenancy.rs can hold every table to it. Set by
-- a trigger from the meeting, so no writer can give a row another region
-- than its meeting's.
CREATE FUNCTION meeting_child_region() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT region_kode INTO NEW.region_kode FROM meetings WHERE id = NEW.meeting_id;
    RETURN NEW;
END;
$$;

ALTER TABLE meeting_invitees ADD COLUMN region_kode text;
ALTER TABLE meeting_attendance ADD COLUMN region_kode text;

UPDATE meeting_invitees c SET region_kode = m.region_kode FROM meetings m WHERE m.id = c.meeting_id;
UPDATE meeting_attendance c SET region_kode = m.region_kode FROM meetings m WHERE m.id = c.meeting_id;
-- Fire any deferred triggers the updates queued before altering the tables.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE meeting_invitees ALTER COLUMN region_kode SET NOT NULL;
ALTER TABLE meeting_attendance ALTER COLUMN region_kode SET NOT NULL;

CREATE TRIGGER meeting_invitees_region BEFORE INSERT OR UPDATE ON meeting_invitees
    FOR EACH ROW EXECUTE FUNCTION meeting_child_region();
CREATE TRIGGER meeting_attendance_region BEFORE INSERT OR UPDATE ON meeting_attendance
    FOR EACH ROW EXECUTE FUNCTION meeting_child_region();

-- A meeting never moves to another region (its organizer's pemda holds
-- it), so its rows' key never goes stale.
CREATE FUNCTION meeting_region_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.region_kode <> OLD.region_kode THEN
        RAISE EXCEPTION 'a meeting stays with the region that holds it';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER meeting_region_fixed BEFORE UPDATE OF region_kode ON meetings
    FOR EACH ROW EXECUTE FUNCTION meeting_region_fixed();

-- The plan page keeps its stage moves per data version (issue 15), with
-- the name of whoever made each: a move and a changed name bump the
-- version too, so neither stays stale behind a kept page.
CREATE CONSTRAINT TRIGGER plan_transitions_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_transitions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER users_name_data_version AFTER UPDATE OF full_name ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
