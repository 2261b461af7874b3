-- The Musrenbang calendar (issue 17): per region, RKPD year and level, the
-- days a level may submit and move proposals on; reminded once before it
-- closes.
CREATE TABLE musrenbang_windows (
    region_kode text NOT NULL REFERENCES regions (kode),
    year        integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
    tahap       text NOT NULL CHECK (tahap IN ('desa', 'kecamatan', 'perangkat_daerah', 'kabkota', 'pokir')),
    opens_on    date NOT NULL,
    closes_on   date NOT NULL CHECK (closes_on >= opens_on),
    reminded_at timestamptz,
    updated_by  uuid REFERENCES users (id),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_kode, year, tahap)
);
CREATE INDEX musrenbang_windows_closing_idx ON musrenbang_windows (closes_on) WHERE reminded_at IS NULL;
