-- Indexes found missing by the province generator (issue 15): lookups by
-- a foreign key with no index of its own scan the whole table once a
-- province's 180,000 items are in it.
-- An item's children (the item page, removal) and the foreign-key check
-- when an item is removed.
CREATE INDEX plan_items_parent_idx ON plan_items (parent_id);
-- An item's indicators (the item page, the open-data API).
CREATE INDEX indicators_item_idx ON indicators (item_id);
-- What a perangkat daerah is responsible for (its queue, Renja, Cek by agency).
CREATE INDEX plan_items_responsible_idx ON plan_items (responsible_org_id);
-- "Usulan saya".
CREATE INDEX proposals_proposer_idx ON proposals (proposer_id);
