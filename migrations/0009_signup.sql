-- Citizens sign themselves up (SPEC 1): the account waits for its email
-- to be confirmed through a single-use link before it may sign in.
ALTER TABLE users ADD COLUMN awaiting_confirmation boolean NOT NULL DEFAULT false;

ALTER TABLE account_links DROP CONSTRAINT account_links_purpose_check;
ALTER TABLE account_links ADD CONSTRAINT account_links_purpose_check
    CHECK (purpose IN ('undangan', 'reset', 'konfirmasi'));

-- The lead (ketua, pengurus) of a lembaga accepts new members of it.
ALTER TABLE memberships ADD COLUMN lead boolean NOT NULL DEFAULT false;

-- A person asks to join a lembaga; a planner of the region or the
-- lembaga's lead decides. Kept after the decision, for the history.
CREATE TABLE join_requests (
    id              uuid PRIMARY KEY,
    region_kode     text NOT NULL,
    user_id         uuid NOT NULL,
    organization_id uuid NOT NULL,
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    status          text NOT NULL DEFAULT 'menunggu'
                    CHECK (status IN ('menunggu', 'diterima', 'ditolak')),
    decided_by      uuid REFERENCES users (id),
    decided_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (user_id, region_kode) REFERENCES users (id, region_kode) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, region_kode) REFERENCES organizations (id, region_kode)
);
CREATE UNIQUE INDEX join_requests_open_idx ON join_requests (user_id, organization_id)
    WHERE status = 'menunggu';
CREATE INDEX join_requests_region_idx ON join_requests (region_kode) WHERE status = 'menunggu';
