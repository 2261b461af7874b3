-- Administrative boundaries (issue 20): one simplified outline per region,
-- from which the server draws its maps. Loaded from data/batas by the
-- migrations; `selaras import-boundaries` adds regions in the same shape.
-- `path` is the source's JSON text ([lat, lng] rings), parsed by the
-- server; `lat`/`lng` the source's centroid.
CREATE TABLE region_boundaries (
    kode       text PRIMARY KEY REFERENCES regions (kode),
    lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng        double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
    path       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- "Every area under 33.71": a prefix match on the code.
CREATE INDEX region_boundaries_prefix_idx ON region_boundaries (kode text_pattern_ops);
