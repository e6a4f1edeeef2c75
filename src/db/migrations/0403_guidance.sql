-- Client and service guidance (asiakas- ja palveluohjaus). A guidance session holds no
-- personal data: the client's context and needs are coarse codes (municipality or postal code,
-- age group, languages, mobility, budget, need areas), not tied to a name. Answers to a
-- well-being instrument are stored only when the professional chooses to. A client plan lists
-- chosen activities and is reachable by an unguessable public token (its QR code). Referrals
-- (a later module) attach to a session and a planned activity.

CREATE TABLE guidance_sessions (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  region_code text NOT NULL REFERENCES regions (code),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  -- the language of the plan and the messages to the client
  client_language text NOT NULL DEFAULT 'fi' CHECK (client_language IN ('fi', 'sv', 'en')),
  municipality_code text REFERENCES municipalities (code),
  postal_code text CHECK (postal_code ~ '^[0-9]{5}$'),
  age_group text CHECK (age_group IN ('child', 'youth', 'young_adult', 'adult', 'older')),
  -- languages the client can take part in
  languages text[] NOT NULL DEFAULT '{}' CHECK (languages <@ ARRAY['fi', 'sv', 'en', 'fi-plain']::text[]),
  mobility text[] NOT NULL DEFAULT '{}' CHECK (mobility <@ ARRAY['step_free', 'short_distance']::text[]),
  budget text NOT NULL DEFAULT 'any' CHECK (budget IN ('any', 'free', 'kaikukortti')),
  need_areas text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX guidance_sessions_organisation_idx ON guidance_sessions (organisation_id, updated_at DESC);
CREATE INDEX guidance_sessions_created_by_idx ON guidance_sessions (created_by);
CREATE INDEX guidance_sessions_updated_idx ON guidance_sessions (updated_at);

-- A well-being check done with an instrument (ONS4 by default), stored only when chosen.
-- 'initial' at guidance, 'follow_up' later (e.g. after a referral).
CREATE TABLE guidance_checks (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES guidance_sessions (id) ON DELETE CASCADE,
  instrument_id text NOT NULL CHECK (instrument_id ~ '^[a-z0-9_-]+$'),
  instrument_version integer NOT NULL,
  phase text NOT NULL CHECK (phase IN ('initial', 'follow_up')),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX guidance_checks_session_idx ON guidance_checks (session_id, recorded_at);

-- One answer per item: items are reported separately, never summed.
CREATE TABLE guidance_check_answers (
  check_id uuid NOT NULL REFERENCES guidance_checks (id) ON DELETE CASCADE,
  item_id text NOT NULL CHECK (item_id ~ '^[a-z0-9_]+$'),
  value smallint NOT NULL CHECK (value BETWEEN 0 AND 100),
  PRIMARY KEY (check_id, item_id)
);

CREATE TABLE client_plans (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL UNIQUE REFERENCES guidance_sessions (id) ON DELETE CASCADE,
  -- the unguessable part of the plan's public address (QR code); not a credential to personal data
  public_token text NOT NULL UNIQUE CHECK (public_token ~ '^[A-Za-z0-9_-]{22,}$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX client_plans_expires_idx ON client_plans (expires_at);

CREATE TABLE client_plan_items (
  plan_id uuid NOT NULL REFERENCES client_plans (id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES services (id),
  position smallint NOT NULL,
  -- the need areas the activity was chosen for
  need_areas text[] NOT NULL DEFAULT '{}',
  added_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, service_id)
);
CREATE INDEX client_plan_items_service_idx ON client_plan_items (service_id);
