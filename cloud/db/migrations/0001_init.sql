-- Accounts, businesses, teams and the synced book.
--
-- Tenant isolation: every table that belongs to a business has row-level security, FORCEd so
-- that even the tables' owner is subject to it. Two roles carry the policies:
--   rateback_app    — every request of a signed-in member runs as this role, with the business
--                     set per transaction (set_config('app.business_id', …, true)); it sees only
--                     that business's rows and cannot bypass RLS.
--   rateback_system — sign-up, sign-in, session checks and moderation, which must find a row
--                     before knowing its business.
-- The connecting user only switches into one of them per transaction (set_config('role', …)).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rateback_app') THEN
    CREATE ROLE rateback_app NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rateback_system') THEN
    CREATE ROLE rateback_system NOLOGIN NOBYPASSRLS;
  END IF;
END $$;

GRANT rateback_app TO CURRENT_USER;
GRANT rateback_system TO CURRENT_USER;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  email_verified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE businesses (
  id uuid PRIMARY KEY,
  legal_name text NOT NULL,
  country text NOT NULL,
  trade text NOT NULL,
  region text NOT NULL,
  registration_number text,
  vat_id text,
  registration_rule text NOT NULL,
  web_domain text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending_email', 'pending_review', 'approved', 'rejected')),
  review_note text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  business_id uuid NOT NULL REFERENCES businesses(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (business_id, user_id)
);
CREATE UNIQUE INDEX memberships_one_business_per_user ON memberships (user_id);

CREATE TABLE invites (
  id uuid PRIMARY KEY,
  business_id uuid NOT NULL REFERENCES businesses(id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  code_hash text NOT NULL UNIQUE,
  invited_by uuid NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invites_business ON invites (business_id);

CREATE TABLE email_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_codes_user ON email_codes (user_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  business_id uuid NOT NULL REFERENCES businesses(id),
  device_label text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

-- The synced book: one row per record, holding its merged fields or a tombstone, stamped with
-- the business version that last changed it. Pull reads (business_id, version).
-- The three sync tables below carry no foreign key to businesses: they are written in bulk on
-- every push, a key check per row cost about a third of push throughput, and their business_id
-- always comes from the session (and RLS), never from the client; businesses are never deleted.
CREATE TABLE book_records (
  business_id uuid NOT NULL,
  tbl text NOT NULL,
  id text NOT NULL,
  data jsonb,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  PRIMARY KEY (business_id, tbl, id)
);
CREATE INDEX book_records_version ON book_records (business_id, version);

-- Customers by normalised identifier (E.164 phone, e-mail, tax id), kept with each push.
CREATE TABLE customer_identifiers (
  business_id uuid NOT NULL,
  identifier text NOT NULL,
  customer_id text NOT NULL,
  PRIMARY KEY (business_id, identifier, customer_id)
);

CREATE TABLE device_cursors (
  business_id uuid NOT NULL,
  device_id uuid NOT NULL,
  last_mutation_id bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (business_id, device_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON
  users, businesses, memberships, invites, email_codes, sessions, sign_in_failures,
  book_records, customer_identifiers, device_cursors
TO rateback_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  businesses, memberships, invites, sessions, book_records, customer_identifiers, device_cursors
TO rateback_app;
-- Members see their teammates' names; nothing else of another user.
GRANT SELECT (id, email, display_name) ON users TO rateback_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['businesses', 'memberships', 'invites', 'sessions', 'book_records', 'customer_identifiers', 'device_cursors']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY system_all ON %I TO rateback_system USING (true) WITH CHECK (true)', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO rateback_app USING (%I = nullif(current_setting(''app.business_id'', true), '''')::uuid) WITH CHECK (%I = nullif(current_setting(''app.business_id'', true), '''')::uuid)',
      t,
      CASE WHEN t = 'businesses' THEN 'id' ELSE 'business_id' END,
      CASE WHEN t = 'businesses' THEN 'id' ELSE 'business_id' END
    );
  END LOOP;
END $$;

-- users has no business of its own: RLS lets a member read only users of their business.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY system_all ON users TO rateback_system USING (true) WITH CHECK (true);
CREATE POLICY teammates ON users TO rateback_app USING (
  EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)
);
