-- Alignment across plans and levels: explicit links between items, the
-- pagu indikatif (ceiling) of each perangkat daerah in a plan, and the
-- registry of kerja sama daerah with the plan items that carry it.

CREATE TABLE alignment_links (
    id           uuid PRIMARY KEY,
    region_kode  text NOT NULL,
    from_item_id uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    to_item_id   uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    created_by   uuid REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (from_item_id, to_item_id),
    CHECK (from_item_id <> to_item_id)
);
CREATE INDEX alignment_links_to_idx ON alignment_links (to_item_id);

CREATE TABLE agency_ceilings (
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    org_id      uuid NOT NULL REFERENCES organizations (id),
    year        integer NOT NULL,
    region_kode text NOT NULL,
    amount      numeric(20, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (plan_id, org_id, year)
);

CREATE TYPE kerja_sama_type AS ENUM ('ksdd', 'ksdpk', 'ksdpl');
CREATE TYPE kerja_sama_status AS ENUM ('identifikasi', 'pemetaan', 'direncanakan', 'disepakati', 'berjalan', 'selesai');

CREATE TABLE kerja_sama (
    id          uuid PRIMARY KEY,
    region_kode text NOT NULL REFERENCES regions (kode),
    type        kerja_sama_type NOT NULL,
    title       text NOT NULL CHECK (length(title) BETWEEN 5 AND 300),
    urusan      text NOT NULL DEFAULT '',
    object      text NOT NULL DEFAULT '',
    status      kerja_sama_status NOT NULL,
    first_year  integer NOT NULL,
    last_year   integer NOT NULL CHECK (last_year >= first_year),
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Partners: another region (which then sees the kerja sama too) or a
-- third party by name.
CREATE TABLE kerja_sama_partners (
    kerja_sama_id  uuid NOT NULL REFERENCES kerja_sama (id) ON DELETE CASCADE,
    partner_region text REFERENCES regions (kode),
    third_party    text,
    CHECK ((partner_region IS NULL) <> (third_party IS NULL))
);
CREATE INDEX kerja_sama_partners_region_idx ON kerja_sama_partners (partner_region);

CREATE TABLE kerja_sama_milestones (
    id            uuid PRIMARY KEY,
    kerja_sama_id uuid NOT NULL REFERENCES kerja_sama (id) ON DELETE CASCADE,
    due           date NOT NULL,
    description   text NOT NULL CHECK (length(description) BETWEEN 2 AND 500),
    done          boolean NOT NULL DEFAULT false
);

CREATE TABLE kerja_sama_items (
    kerja_sama_id uuid NOT NULL REFERENCES kerja_sama (id) ON DELETE CASCADE,
    item_id       uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    PRIMARY KEY (kerja_sama_id, item_id)
);
