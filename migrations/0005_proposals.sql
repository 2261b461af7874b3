-- Proposals (usulan): Musrenbang from desa/kelurahan, aspirasi from the
-- community, pokir from DPRD members, renja from agencies; their way
-- through every level, and the kamus usulan that maps proposal types to sub
-- kegiatan and responsible perangkat daerah.

CREATE TYPE proposal_source AS ENUM ('musrenbang', 'aspirasi', 'pokir', 'renja');
CREATE TYPE proposal_status AS ENUM
    ('diajukan', 'diteruskan_kecamatan', 'diteruskan_kabkota', 'diverifikasi', 'diakomodir', 'ditolak', 'ditunda');

CREATE TABLE kamus_usulan (
    id                 uuid PRIMARY KEY,
    region_kode        text NOT NULL REFERENCES regions (kode),
    nama               text NOT NULL CHECK (length(nama) BETWEEN 2 AND 300),
    sub_kegiatan_kode  text NOT NULL,
    responsible_org_id uuid NOT NULL REFERENCES organizations (id),
    satuan             text NOT NULL,
    UNIQUE (region_kode, nama)
);

-- Public numbers USL-{year}-{nnnnnn}: one counter row per year, taken with
-- an UPDATE in the submitting transaction, so numbers never repeat.
CREATE TABLE proposal_counters (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

CREATE TABLE proposals (
    id               uuid PRIMARY KEY,
    region_kode      text NOT NULL REFERENCES regions (kode),
    nomor            text NOT NULL UNIQUE,
    source           proposal_source NOT NULL,
    status           proposal_status NOT NULL,
    title            text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
    problem          text NOT NULL CHECK (length(problem) BETWEEN 5 AND 5000),
    solution         text NOT NULL CHECK (length(solution) BETWEEN 5 AND 5000),
    wilayah_kode     text NOT NULL REFERENCES regions (kode),
    latitude         numeric(9, 6),
    longitude        numeric(9, 6),
    kamus_id         uuid REFERENCES kamus_usulan (id),
    volume           numeric NOT NULL CHECK (volume > 0),
    satuan           text NOT NULL,
    estimated_cost   numeric(20, 2) NOT NULL CHECK (estimated_cost >= 0),
    proposer_id      uuid NOT NULL REFERENCES users (id),
    proposer_org_id  uuid NOT NULL REFERENCES organizations (id),
    reses_ref        text,
    target_year      integer NOT NULL,
    rank_desa        integer,
    rank_kecamatan   integer,
    deferred_to      integer,
    reject_reason    text,
    accepted_item_id uuid REFERENCES plan_items (id),
    accepted_volume  numeric,
    accepted_pagu    numeric(20, 2),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'ditolak' OR COALESCE(length(reject_reason), 0) >= 5),
    CHECK (status <> 'diakomodir' OR accepted_item_id IS NOT NULL)
);
CREATE INDEX proposals_region_idx ON proposals (region_kode, target_year, status);
CREATE INDEX proposals_place_idx ON proposals (wilayah_kode, kamus_id, target_year);
CREATE INDEX proposals_item_idx ON proposals (accepted_item_id);

-- Every step with the level's recommendation: who, which organization,
-- when. Append only, like the audit log.
CREATE TABLE proposal_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id    uuid NOT NULL REFERENCES proposals (id),
    region_kode    text NOT NULL,
    from_status    proposal_status,
    to_status      proposal_status NOT NULL,
    recommendation text NOT NULL DEFAULT '',
    actor_id       uuid REFERENCES users (id),
    actor_org_id   uuid REFERENCES organizations (id),
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposal_events_idx ON proposal_events (proposal_id, id);
CREATE TRIGGER proposal_events_append_only
    BEFORE UPDATE OR DELETE ON proposal_events
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
