-- Meetings (issue 17): every Musrenbang is a meeting, and so is a Forum
-- Kemitraan. A meeting has its date, place, organizer, agenda, invited
-- organizations, attendance and minutes (berita acara); decisions on
-- proposals taken there carry the meeting in their timeline event.
CREATE TABLE meetings (
    id               uuid PRIMARY KEY,
    region_kode      text NOT NULL REFERENCES regions (kode),
    kind             text NOT NULL CHECK (kind IN ('musrenbang_desa', 'musrenbang_kecamatan',
                         'forum_perangkat_daerah', 'musrenbang_kabkota', 'forum_kemitraan', 'lainnya')),
    title            text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
    held_on          date NOT NULL,
    place            text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
    organizer_org_id uuid NOT NULL REFERENCES organizations (id),
    agenda           text NOT NULL DEFAULT '' CHECK (length(agenda) <= 5000),
    minutes          text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
    created_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX meetings_region_idx ON meetings (region_kode, held_on DESC);

CREATE TABLE meeting_invitees (
    meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id     uuid NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (meeting_id, org_id)
);

CREATE TABLE meeting_attendance (
    id         uuid PRIMARY KEY,
    meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    org_name   text NOT NULL CHECK (length(org_name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_attendance_idx ON meeting_attendance (meeting_id, created_at);

ALTER TABLE proposal_events ADD COLUMN meeting_id uuid REFERENCES meetings (id);
CREATE INDEX proposal_events_meeting_idx ON proposal_events (meeting_id) WHERE meeting_id IS NOT NULL;
