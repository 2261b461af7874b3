-- Workbooks sent to a plan (targets and pagu edited in Excel, or a whole
-- cascade brought in from the "Struktur" sheet): read, checked and kept
-- here until the person who sent them confirms. Nothing of the plan
-- changes before that; applying marks the row, so a second confirmation
-- of the same file does nothing.
CREATE TABLE plan_imports (
    id          uuid PRIMARY KEY,
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    region_kode text NOT NULL REFERENCES regions (kode),
    user_id     uuid NOT NULL REFERENCES users (id),
    kind        text NOT NULL CHECK (kind IN ('target_pagu', 'struktur')),
    file_name   text NOT NULL,
    preview     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    applied_at  timestamptz,
    applied     integer
);
CREATE INDEX plan_imports_plan_idx ON plan_imports (plan_id, created_at DESC);

-- The months a sub kegiatan runs (SIPD's waktu pelaksanaan: bulan awal
-- and bulan akhir), both or neither.
ALTER TABLE plan_items
    ADD COLUMN bulan_mulai smallint,
    ADD COLUMN bulan_selesai smallint,
    ADD CONSTRAINT plan_items_bulan CHECK (
        (bulan_mulai IS NULL AND bulan_selesai IS NULL)
        OR (bulan_mulai BETWEEN 1 AND 12 AND bulan_selesai BETWEEN bulan_mulai AND 12));

-- A person's own contact details and how they want to be told: by email
-- as things happen (`segera`), or only in the inbox (`kotak_masuk`).
ALTER TABLE users
    ADD COLUMN phone text CHECK (length(phone) <= 30),
    ADD COLUMN notify text NOT NULL DEFAULT 'segera' CHECK (notify IN ('segera', 'kotak_masuk'));

-- Single-use links to set one's own password: an invitation to a new
-- account, or a reset issued by the region's admin. Only the token's
-- SHA-256 is kept.
CREATE TABLE account_links (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('undangan', 'reset')),
    token_hash  bytea NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_by  uuid REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_links_user_idx ON account_links (user_id, purpose);

-- Kamus usulan entries can be retired: kept for the proposals that used
-- them, no longer offered on the proposal form.
ALTER TABLE kamus_usulan ADD COLUMN active boolean NOT NULL DEFAULT true;

-- A medium-term plan named with its base year ("RPJMD 2021–2026": base
-- year 2021, plan years 2022–2026): the base year, when given.
ALTER TABLE plans ADD COLUMN tahun_dasar integer CHECK (tahun_dasar BETWEEN 2000 AND 2100);
