-- Merging and splitting proposals (issue 17): a kecamatan or Bappeda
-- merges duplicates into one (the others end "digabung") or splits one
-- into several (the original ends "dipecah"); each link is kept both ways
-- for the public pages.
ALTER TYPE proposal_status ADD VALUE IF NOT EXISTS 'digabung';
ALTER TYPE proposal_status ADD VALUE IF NOT EXISTS 'dipecah';

CREATE TABLE proposal_links (
    from_id     uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    to_id       uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    -- gabung: from was merged into to; pecah: to was split off from.
    kind        text NOT NULL CHECK (kind IN ('gabung', 'pecah')),
    region_kode text NOT NULL,
    actor_id    uuid REFERENCES users (id),
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (from_id, to_id),
    CHECK (from_id <> to_id)
);
CREATE INDEX proposal_links_to_idx ON proposal_links (to_id);
