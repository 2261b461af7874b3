-- The rows that hang from a kerja sama carry its region too (issue 15,
-- point 7): every tenant table then has the key a distributed database
-- shards by (README, "Scaling"), and a query of a region's rows can filter
-- on them directly. Set by a trigger from the kerja sama itself, so no
-- writer can give a row another region than its parent's.
CREATE FUNCTION kerja_sama_child_region() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT region_kode INTO NEW.region_kode FROM kerja_sama WHERE id = NEW.kerja_sama_id;
    RETURN NEW;
END;
$$;

ALTER TABLE kerja_sama_partners ADD COLUMN region_kode text;
ALTER TABLE kerja_sama_milestones ADD COLUMN region_kode text;
ALTER TABLE kerja_sama_items ADD COLUMN region_kode text;

UPDATE kerja_sama_partners c SET region_kode = k.region_kode FROM kerja_sama k WHERE k.id = c.kerja_sama_id;
UPDATE kerja_sama_milestones c SET region_kode = k.region_kode FROM kerja_sama k WHERE k.id = c.kerja_sama_id;
UPDATE kerja_sama_items c SET region_kode = k.region_kode FROM kerja_sama k WHERE k.id = c.kerja_sama_id;
-- The updates queued the data version's deferred triggers; fire them now,
-- or the table cannot be altered in this transaction.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE kerja_sama_partners ALTER COLUMN region_kode SET NOT NULL;
ALTER TABLE kerja_sama_milestones ALTER COLUMN region_kode SET NOT NULL;
ALTER TABLE kerja_sama_items ALTER COLUMN region_kode SET NOT NULL;

CREATE TRIGGER kerja_sama_partners_region BEFORE INSERT OR UPDATE ON kerja_sama_partners
    FOR EACH ROW EXECUTE FUNCTION kerja_sama_child_region();
CREATE TRIGGER kerja_sama_milestones_region BEFORE INSERT OR UPDATE ON kerja_sama_milestones
    FOR EACH ROW EXECUTE FUNCTION kerja_sama_child_region();
CREATE TRIGGER kerja_sama_items_region BEFORE INSERT OR UPDATE ON kerja_sama_items
    FOR EACH ROW EXECUTE FUNCTION kerja_sama_child_region();

-- A kerja sama never moves to another region (the recording pemda owns
-- it), so its children's key never goes stale.
CREATE FUNCTION kerja_sama_region_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.region_kode <> OLD.region_kode THEN
        RAISE EXCEPTION 'a kerja sama stays with the region that recorded it';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER kerja_sama_region_fixed BEFORE UPDATE OF region_kode ON kerja_sama
    FOR EACH ROW EXECUTE FUNCTION kerja_sama_region_fixed();
