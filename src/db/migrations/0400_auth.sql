-- Sign-in and roles. Users are people of organisations (professionals, providers, regional
-- coordinators, admins); each role is scoped to an organisation and a region (a national admin
-- to neither). Sessions and pending OpenID Connect sign-ins live here so that any app instance
-- can serve any request. Users are personal data: deleting a user deletes their roles and
-- sessions; audit events keep only the user id.

CREATE TABLE users (
  id uuid PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  email text CHECK (length(email) <= 320),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  -- the OpenID Connect identity (issuer and subject); both NULL for development users
  oidc_issuer text,
  oidc_subject text,
  -- the stable key of a seeded development user ('professional', 'provider', ...)
  dev_key text UNIQUE,
  last_sign_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
);
CREATE UNIQUE INDEX users_oidc_identity_idx ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

CREATE TABLE user_roles (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('professional', 'provider', 'coordinator', 'admin')),
  organisation_id uuid REFERENCES organisations (id),
  region_code text REFERENCES regions (code),
  -- admin: granted in Tarjotin; oidc: from the identity provider at the last sign-in; dev: seeded
  source text NOT NULL CHECK (source IN ('admin', 'oidc', 'dev')),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- every role but a national admin belongs to an organisation and a region
  CHECK (role = 'admin' OR (organisation_id IS NOT NULL AND region_code IS NOT NULL)),
  CHECK (organisation_id IS NULL OR region_code IS NOT NULL)
);
CREATE UNIQUE INDEX user_roles_scope_idx ON user_roles (
  user_id, role, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(region_code, '')
);

-- Admin mapping from an identity-provider claim value (a group or app role) to a role.
CREATE TABLE role_mappings (
  id uuid PRIMARY KEY,
  claim_value text NOT NULL CHECK (length(claim_value) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('professional', 'provider', 'coordinator', 'admin')),
  organisation_id uuid REFERENCES organisations (id),
  region_code text REFERENCES regions (code),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'admin' OR (organisation_id IS NOT NULL AND region_code IS NOT NULL)),
  CHECK (organisation_id IS NULL OR region_code IS NOT NULL)
);
CREATE UNIQUE INDEX role_mappings_scope_idx ON role_mappings (
  claim_value, role, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(region_code, '')
);

-- Signed-in sessions. Only a hash of the cookie's token is stored; the idle timeout is counted
-- from last_seen_at, the absolute one is expires_at.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  method text NOT NULL CHECK (method IN ('oidc', 'dev')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- OpenID Connect sign-ins in progress: bound to the browser by a cookie whose hash is the key,
-- used once, valid for minutes.
CREATE TABLE oidc_sign_ins (
  browser_token_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_sign_ins_expires_idx ON oidc_sign_ins (expires_at);
