-- Following a proposal (issue 17): anyone signed in may follow any
-- proposal (its page is public) and hears of every step and correction.
CREATE TABLE proposal_follows (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    region_kode text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, proposal_id)
);
CREATE INDEX proposal_follows_proposal_idx ON proposal_follows (proposal_id);
