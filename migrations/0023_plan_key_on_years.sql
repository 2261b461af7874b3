-- Pagu and indicator years carry their plan (issue 15): a plan page, its
-- Cek and its exports read every pagu and every indicator year of one
-- plan, which through a join to the items scanned the whole table (43 ms
-- each over a province's 380,000 pagu rows; an index on the plan reads
-- only that plan's). Set by a trigger from the item or indicator, whose
-- plan never changes.
CREATE FUNCTION item_pagu_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT plan_id INTO NEW.plan_id FROM plan_items WHERE id = NEW.item_id;
    RETURN NEW;
END;
$$;

CREATE FUNCTION indicator_years_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT plan_id INTO NEW.plan_id FROM indicators WHERE id = NEW.indicator_id;
    RETURN NEW;
END;
$$;

ALTER TABLE item_pagu ADD COLUMN plan_id uuid;
ALTER TABLE indicator_years ADD COLUMN plan_id uuid;
CREATE INDEX item_pagu_plan_idx ON item_pagu (plan_id);
CREATE INDEX indicator_years_plan_idx ON indicator_years (plan_id);

UPDATE item_pagu g SET plan_id = i.plan_id FROM plan_items i WHERE i.id = g.item_id;
UPDATE indicator_years y SET plan_id = n.plan_id FROM indicators n WHERE n.id = y.indicator_id;
-- The updates queued the data version's deferred triggers; fire them now,
-- or the table cannot be altered in this transaction.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE item_pagu ALTER COLUMN plan_id SET NOT NULL;
ALTER TABLE indicator_years ALTER COLUMN plan_id SET NOT NULL;

CREATE TRIGGER item_pagu_plan BEFORE INSERT OR UPDATE OF item_id ON item_pagu
    FOR EACH ROW EXECUTE FUNCTION item_pagu_plan();
CREATE TRIGGER indicator_years_plan BEFORE INSERT OR UPDATE OF indicator_id ON indicator_years
    FOR EACH ROW EXECUTE FUNCTION indicator_years_plan();
