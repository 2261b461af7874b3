-- Search (issue 16): a plan's searchable text (its title and its region's
-- name) kept in the row by a trigger and indexed, as proposals' are.
ALTER TABLE plans ADD COLUMN search_doc text NOT NULL DEFAULT '';

CREATE FUNCTION plans_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_doc := NEW.title || ' ' || coalesce((SELECT nama FROM regions WHERE kode = NEW.region_kode), '');
    RETURN NEW;
END
$$;
CREATE TRIGGER plans_search_doc BEFORE INSERT OR UPDATE OF title, region_kode ON plans
    FOR EACH ROW EXECUTE FUNCTION plans_search_doc();

CREATE INDEX plans_search_id ON plans USING gin (to_tsvector('indonesian', search_doc));
CREATE INDEX plans_search_simple ON plans USING gin (to_tsvector('simple', search_doc));

-- Last: the existing rows (an index cannot be built after an update in
-- the same transaction).
UPDATE plans p SET search_doc = p.title || ' ' || coalesce((SELECT nama FROM regions r WHERE r.kode = p.region_kode), '');
