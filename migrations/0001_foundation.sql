-- Foundation: regions, organizations, users, memberships, sessions,
-- sign-in throttling and the audit log.
--
-- Every tenant-owned table carries `region_kode`, the kode wilayah of the
-- owning pemda (provinsi, kabupaten or kota), so that one database can hold a
-- whole province and a later sharding by region needs no schema change.

CREATE TYPE region_level AS ENUM ('provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan');

-- The national list of kode wilayah (Kepmendagri 300.2.2-2138/2025).
-- Master data shared by every tenant: not tenant-owned.
CREATE TABLE regions (
    kode        text PRIMARY KEY
                CHECK (kode ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    parent_kode text REFERENCES regions (kode),
    nama        text NOT NULL,
    level       region_level NOT NULL,
    CHECK ((parent_kode IS NULL) = (level = 'provinsi'))
);
CREATE INDEX regions_parent_idx ON regions (parent_kode);
-- Prefix searches ("everything inside 33.71") use this index.
CREATE INDEX regions_kode_prefix_idx ON regions (kode text_pattern_ops);

CREATE TYPE org_kind AS ENUM ('bappeda', 'perangkat_daerah', 'desa', 'kelurahan', 'lembaga', 'dprd');

CREATE TABLE organizations (
    id           uuid PRIMARY KEY,
    region_kode  text NOT NULL REFERENCES regions (kode),
    -- For desa/kelurahan (and lembaga working in one place): where it is.
    wilayah_kode text REFERENCES regions (kode),
    kind         org_kind NOT NULL,
    -- Short, stable handle used by the command line (`dinkes`, `bapperida`).
    code         text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name         text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    active       boolean NOT NULL DEFAULT true,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (region_kode, code),
    UNIQUE (region_kode, name),
    -- Target of the composite keys below: a membership can only join a user
    -- and an organization of the same pemda.
    UNIQUE (id, region_kode)
);

CREATE TABLE users (
    id                  uuid PRIMARY KEY,
    region_kode         text NOT NULL REFERENCES regions (kode),
    username            text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    full_name           text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 200),
    email               text CHECK (length(email) <= 254),
    password_hash       text NOT NULL,
    active              boolean NOT NULL DEFAULT true,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, region_kode)
);
CREATE UNIQUE INDEX users_username_idx ON users (username);

CREATE TYPE role AS ENUM ('admin', 'planner', 'approver', 'agency', 'village', 'community', 'reviewer');

CREATE TABLE memberships (
    id              uuid PRIMARY KEY,
    region_kode     text NOT NULL,
    user_id         uuid NOT NULL,
    organization_id uuid NOT NULL,
    role            role NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, organization_id, role),
    FOREIGN KEY (user_id, region_kode) REFERENCES users (id, region_kode) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, region_kode) REFERENCES organizations (id, region_kode)
);
CREATE INDEX memberships_org_idx ON memberships (organization_id);

-- Server-side sessions. The cookie holds a random token; only its SHA-256
-- is stored, so a copy of this table does not let anyone sign in.
CREATE TABLE sessions (
    token_hash   bytea PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    region_kode  text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed and successful sign-ins, for throttling per account and per client
-- address. `username_key` is what was typed (lower-cased), whether or not
-- such an account exists, so throttling never reveals which accounts exist.
CREATE TABLE login_attempts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username_key text NOT NULL,
    client_addr  text NOT NULL,
    succeeded    boolean NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_user_idx ON login_attempts (username_key, at);
CREATE INDEX login_attempts_addr_idx ON login_attempts (client_addr, at);

-- Who changed what, when, with the values before and after. Written in the
-- same transaction as the change. The application never updates or deletes
-- it; the trigger below makes sure nobody does by accident either.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_kode text,
    actor_id    uuid REFERENCES users (id),
    action      text NOT NULL,
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    before      jsonb,
    after       jsonb,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_region_idx ON audit_log (region_kode, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
