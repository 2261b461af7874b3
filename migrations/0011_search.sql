-- Search (issue 16): the expressions store::search matches, indexed, so a
-- search reads the index instead of every row at province scale. Each
-- text is indexed in both configurations the query ORs ('indonesian'
-- stems, 'simple' keeps names and places as written); codes by prefix.
CREATE INDEX plan_items_search_id ON plan_items
    USING gin (to_tsvector('indonesian', coalesce(kode, '') || ' ' || nama));
CREATE INDEX plan_items_search_simple ON plan_items
    USING gin (to_tsvector('simple', coalesce(kode, '') || ' ' || nama));
CREATE INDEX plan_items_kode_prefix ON plan_items (kode text_pattern_ops);
CREATE INDEX indicators_search_id ON indicators USING gin (to_tsvector('indonesian', name));
CREATE INDEX indicators_search_simple ON indicators USING gin (to_tsvector('simple', name));
CREATE INDEX comments_search_id ON comments USING gin (to_tsvector('indonesian', body));
CREATE INDEX comments_search_simple ON comments USING gin (to_tsvector('simple', body));
CREATE INDEX proposals_nomor_prefix ON proposals (nomor text_pattern_ops);
