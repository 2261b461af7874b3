-- Comments on proposals (issue 17): public like the proposal's page;
-- anyone signed in writes, the proposer and its followers are told. A
-- removed comment keeps its row (and who removed it, and why) and shows
-- as removed.
CREATE TABLE proposal_comments (
    id             uuid PRIMARY KEY,
    proposal_id    uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    region_kode    text NOT NULL,
    author_id      uuid NOT NULL REFERENCES users (id),
    body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at     timestamptz NOT NULL DEFAULT now(),
    removed_at     timestamptz,
    removed_by     uuid REFERENCES users (id),
    removed_reason text CHECK (length(removed_reason) <= 500)
);
CREATE INDEX proposal_comments_idx ON proposal_comments (proposal_id, created_at);
