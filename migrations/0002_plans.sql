-- Plans: documents, narrative sections, the cascade of items, indicators
-- with yearly targets and realisasi, pagu per year, the nomenclature master
-- and the reasons recorded for every change to an RKPD Perubahan.

CREATE TYPE plan_kind AS ENUM
    ('rpjpd', 'rpjmd', 'renstra', 'rkpd', 'rkpd_perubahan', 'renja', 'rpjmdes', 'rkpdes');
CREATE TYPE plan_stage AS ENUM
    ('rancangan_teknokratik', 'rancangan_awal', 'konsultasi_publik', 'rancangan', 'musrenbang',
     'rancangan_akhir', 'menunggu_penetapan', 'ditetapkan');
CREATE TYPE item_level AS ENUM
    ('visi', 'misi', 'tujuan', 'sasaran', 'sasaran_pokok', 'arah_kebijakan', 'prioritas',
     'program', 'kegiatan', 'sub_kegiatan', 'bidang', 'kegiatan_desa');
CREATE TYPE polaritas AS ENUM ('naik', 'turun', 'rentang');
CREATE TYPE nomenklatur_level AS ENUM ('urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan');

-- Kepmendagri 050-5889/2021 as amended (the national kab/kota list, rows
-- with region_kode NULL) plus each region's own additions.
CREATE TABLE nomenklatur (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_kode text REFERENCES regions (kode),
    kode        text NOT NULL,
    level       nomenklatur_level NOT NULL,
    nama        text NOT NULL,
    indikator   text,
    satuan      text
);
CREATE UNIQUE INDEX nomenklatur_national_idx ON nomenklatur (kode) WHERE region_kode IS NULL;
CREATE UNIQUE INDEX nomenklatur_region_idx ON nomenklatur (region_kode, kode) WHERE region_kode IS NOT NULL;

CREATE TABLE plans (
    id              uuid PRIMARY KEY,
    region_kode     text NOT NULL REFERENCES regions (kode),
    kind            plan_kind NOT NULL,
    title           text NOT NULL CHECK (length(title) BETWEEN 5 AND 300),
    first_year      integer NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
    last_year       integer NOT NULL CHECK (last_year BETWEEN 2000 AND 2100),
    -- Renstra/Renja: the perangkat daerah; RPJMDes/RKPDes: the desa.
    owner_org_id    uuid REFERENCES organizations (id),
    parent_id       uuid REFERENCES plans (id),
    -- Renja: its RKPD; RKPDes: the kab/kota RKPD.
    rkpd_ref_id     uuid REFERENCES plans (id),
    -- The province plan of the same kind (and year) a kab/kota plan follows.
    province_ref_id uuid REFERENCES plans (id),
    stage           plan_stage NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    created_by      uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (last_year >= first_year),
    UNIQUE (id, region_kode)
);
CREATE INDEX plans_region_idx ON plans (region_kode, kind);

CREATE TABLE plan_sections (
    id          uuid PRIMARY KEY,
    region_kode text NOT NULL,
    plan_id     uuid NOT NULL,
    position    integer NOT NULL,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_md     text NOT NULL DEFAULT '' CHECK (length(body_md) <= 200000),
    version     integer NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (plan_id, region_kode) REFERENCES plans (id, region_kode) ON DELETE CASCADE
);
CREATE INDEX plan_sections_plan_idx ON plan_sections (plan_id, position);

CREATE TABLE plan_items (
    id                 uuid PRIMARY KEY,
    region_kode        text NOT NULL,
    plan_id            uuid NOT NULL,
    parent_id          uuid REFERENCES plan_items (id) ON DELETE CASCADE,
    level              item_level NOT NULL,
    position           integer NOT NULL DEFAULT 0,
    kode               text,
    nama               text NOT NULL CHECK (length(nama) BETWEEN 1 AND 1000),
    description        text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    responsible_org_id uuid REFERENCES organizations (id),
    lokasi             text[] NOT NULL DEFAULT '{}',
    sumber_dana        text,
    tags               text[] NOT NULL DEFAULT '{}',
    -- The item of another plan this one was copied from (RKPD from RPJMD,
    -- Perubahan from RKPD): the link up the cascade.
    source_item_id     uuid REFERENCES plan_items (id),
    -- RKPDes kegiatan: the kab/kota program it supports.
    supports_item_id   uuid REFERENCES plan_items (id),
    version            integer NOT NULL DEFAULT 1,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (plan_id, region_kode) REFERENCES plans (id, region_kode) ON DELETE CASCADE,
    UNIQUE (plan_id, kode)
);
CREATE INDEX plan_items_plan_idx ON plan_items (plan_id, parent_id, position);
CREATE INDEX plan_items_source_idx ON plan_items (source_item_id);
CREATE INDEX plan_items_supports_idx ON plan_items (supports_item_id);

CREATE TABLE indicators (
    id                  uuid PRIMARY KEY,
    region_kode         text NOT NULL,
    plan_id             uuid NOT NULL,
    item_id             uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    position            integer NOT NULL DEFAULT 0,
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    satuan              text NOT NULL CHECK (length(satuan) BETWEEN 1 AND 100),
    definition          text NOT NULL DEFAULT '' CHECK (length(definition) <= 5000),
    data_source         text NOT NULL DEFAULT '' CHECK (length(data_source) <= 500),
    polaritas           polaritas NOT NULL,
    kondisi_awal        numeric,
    kondisi_awal_tahun  integer,
    kondisi_akhir       numeric,
    kondisi_akhir_max   numeric,
    -- The indicator of the higher plan this one serves (copied from).
    source_indicator_id uuid REFERENCES indicators (id),
    version             integer NOT NULL DEFAULT 1,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (plan_id, region_kode) REFERENCES plans (id, region_kode) ON DELETE CASCADE
);
CREATE INDEX indicators_plan_idx ON indicators (plan_id, item_id, position);
CREATE INDEX indicators_source_idx ON indicators (source_indicator_id);

-- A target (or, for `rentang`, a band target..target_max) and the
-- realisasi of one year.
CREATE TABLE indicator_years (
    indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    year         integer NOT NULL,
    region_kode  text NOT NULL,
    target       numeric,
    target_max   numeric,
    realisasi    numeric,
    PRIMARY KEY (indicator_id, year)
);

-- Pagu indikatif in rupiah: exact decimals, never floats.
CREATE TABLE item_pagu (
    item_id     uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    year        integer NOT NULL,
    region_kode text NOT NULL,
    amount      numeric(20, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (item_id, year)
);

-- Every change to an RKPD Perubahan, with the reason the planner gave.
CREATE TABLE plan_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_kode text NOT NULL,
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    entity      text NOT NULL,
    entity_id   uuid NOT NULL,
    label       text NOT NULL,
    before      jsonb,
    after       jsonb,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 5 AND 2000),
    actor_id    uuid REFERENCES users (id),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_changes_plan_idx ON plan_changes (plan_id, id);
