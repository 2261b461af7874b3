-- Photos and documents on a proposal (issue 17), stored in the database
-- with the rest of the proposal (backed up with it). Photos are stored as
-- re-encoded (no EXIF), with a thumbnail; a removed file keeps its row
-- without its bytes.
CREATE TABLE proposal_files (
    id          uuid PRIMARY KEY,
    proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    region_kode text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('foto', 'dokumen')),
    mime        text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    caption     text NOT NULL DEFAULT '' CHECK (length(caption) <= 200),
    bytes       bytea,
    thumb       bytea,
    width       integer,
    height      integer,
    size        integer NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    removed_at  timestamptz,
    removed_by  uuid REFERENCES users (id)
);
CREATE INDEX proposal_files_idx ON proposal_files (proposal_id, created_at);
