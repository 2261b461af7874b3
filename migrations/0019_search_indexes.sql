-- Search (issue 16) at province scale: a proposal's searchable text (its
-- title and the name of its desa/kelurahan) kept in the row by a trigger,
-- so it can be indexed like the others; kerja sama's text indexed as the
-- search reads it.
ALTER TABLE proposals ADD COLUMN search_doc text NOT NULL DEFAULT '';

CREATE FUNCTION proposals_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_doc := NEW.title || ' ' || coalesce((SELECT nama FROM regions WHERE kode = NEW.wilayah_kode), '');
    RETURN NEW;
END
$$;
CREATE TRIGGER proposals_search_doc BEFORE INSERT OR UPDATE OF title, wilayah_kode ON proposals
    FOR EACH ROW EXECUTE FUNCTION proposals_search_doc();

CREATE INDEX proposals_search_id ON proposals USING gin (to_tsvector('indonesian', search_doc));
CREATE INDEX proposals_search_simple ON proposals USING gin (to_tsvector('simple', search_doc));
CREATE INDEX kerja_sama_search_id ON kerja_sama
    USING gin (to_tsvector('indonesian', title || ' ' || object || ' ' || urusan));
CREATE INDEX kerja_sama_search_simple ON kerja_sama
    USING gin (to_tsvector('simple', title || ' ' || object || ' ' || urusan));

-- Last: the existing rows (an index cannot be built after an update in
-- the same transaction).
UPDATE proposals p SET search_doc = p.title || ' ' || coalesce((SELECT nama FROM regions r WHERE r.kode = p.wilayah_kode), '');
