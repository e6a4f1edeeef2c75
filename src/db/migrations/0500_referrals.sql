-- Well-being referrals (hyvinvointilähete). A professional refers a person to an activity; the
-- provider takes it up; both see whether the person got there. The person's data is minimal and
-- encrypted by the application (AES-256-GCM, key id per row); lookups use a keyed HMAC. Every
-- transition is an append-only event; every read or change of personal data is an append-only
-- access-log entry without personal data. Personal data is deleted N months after closure.

CREATE TABLE referrals (
  id uuid PRIMARY KEY,
  guidance_session_id uuid REFERENCES guidance_sessions (id) ON DELETE SET NULL,
  service_id uuid NOT NULL REFERENCES services (id),
  referring_organisation_id uuid NOT NULL REFERENCES organisations (id),
  region_code text NOT NULL REFERENCES regions (code),
  referring_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  provider_organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL CHECK (status IN ('draft', 'requested', 'accepted', 'rejected', 'cancelled', 'in-progress',
    'on-hold', 'failed', 'completed', 'entered-in-error')),
  status_reason text CHECK (status_reason ~ '^[a-z-]+$'),
  -- true while the referral holds one of the activity's open places (accepted … until closed)
  holds_place boolean NOT NULL DEFAULT false,
  client_language text NOT NULL CHECK (client_language IN ('fi', 'sv', 'en')),
  need_codes text[] NOT NULL DEFAULT '{}',
  -- the person's data (name, phone, e-mail, free text) as one AES-256-GCM envelope; NULL after retention
  personal_data text,
  personal_key_id text,
  -- HMAC-SHA-256 of the normalised e-mail / phone, to find one person's referrals (data-subject request)
  email_lookup text,
  phone_lookup text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  personal_data_deleted_at timestamptz,
  CHECK ((personal_data IS NULL) = (personal_key_id IS NULL))
);
CREATE INDEX referrals_referring_idx ON referrals (referring_organisation_id, updated_at DESC);
CREATE INDEX referrals_provider_idx ON referrals (provider_organisation_id, status, updated_at DESC);
CREATE INDEX referrals_region_idx ON referrals (region_code, updated_at DESC);
CREATE INDEX referrals_closed_idx ON referrals (closed_at) WHERE personal_data IS NOT NULL;
CREATE INDEX referrals_email_lookup_idx ON referrals (email_lookup) WHERE email_lookup IS NOT NULL;
CREATE INDEX referrals_phone_lookup_idx ON referrals (phone_lookup) WHERE phone_lookup IS NOT NULL;
CREATE INDEX referrals_key_idx ON referrals (personal_key_id) WHERE personal_key_id IS NOT NULL;

-- Consent: who gave it (a role code, not a name), to whom (the provider organisation), for what, when.
CREATE TABLE referral_consents (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  given_by text NOT NULL CHECK (given_by IN ('client', 'guardian', 'representative')),
  given_to_organisation_id uuid NOT NULL REFERENCES organisations (id),
  purpose text NOT NULL CHECK (purpose IN ('referral')),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  given_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
CREATE INDEX referral_consents_referral_idx ON referral_consents (referral_id);

-- The workflow's append-only history.
CREATE TABLE referral_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  actor_user_id uuid,
  actor_role text NOT NULL CHECK (actor_role IN ('referrer', 'provider', 'coordinator', 'system')),
  reason text CHECK (reason ~ '^[a-z-]+$'),
  at timestamptz NOT NULL
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, id);

-- Who read or changed personal data of which referral, when and why. No personal data here.
CREATE TABLE referral_access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL,
  actor_user_id uuid,
  actor_organisation_id uuid,
  action text NOT NULL CHECK (action IN ('create', 'read', 'update', 'export', 'delete')),
  purpose text NOT NULL CHECK (purpose ~ '^[a-z_.-]+$'),
  channel text NOT NULL CHECK (channel IN ('web', 'fhir', 'system')),
  at timestamptz NOT NULL
);
CREATE INDEX referral_access_log_referral_idx ON referral_access_log (referral_id, id);
CREATE INDEX referral_access_log_at_idx ON referral_access_log (at DESC);

CREATE FUNCTION referrals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER referral_access_log_append_only BEFORE UPDATE OR DELETE ON referral_access_log
  FOR EACH ROW EXECUTE FUNCTION referrals_append_only();
CREATE TRIGGER referral_access_log_no_truncate BEFORE TRUNCATE ON referral_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION referrals_append_only();
CREATE TRIGGER referral_events_append_only BEFORE UPDATE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION referrals_append_only();

-- The follow-up: when it is due, the reminder, the outcome.
CREATE TABLE referral_follow_ups (
  referral_id uuid PRIMARY KEY REFERENCES referrals (id) ON DELETE CASCADE,
  due_at timestamptz NOT NULL,
  reminded_at timestamptz,
  recorded_at timestamptz,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  outcome text CHECK (outcome IN ('attending', 'attended', 'partly', 'not-attended', 'unknown'))
);
CREATE INDEX referral_follow_ups_due_idx ON referral_follow_ups (due_at) WHERE reminded_at IS NULL AND recorded_at IS NULL;

-- Well-being answers (ONS4 by default) item by item: the baseline copied from the guidance check
-- at referral, and the follow-up. Anonymous numbers: they stay for statistics after retention.
CREATE TABLE referral_answers (
  referral_id uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  phase text NOT NULL CHECK (phase IN ('initial', 'follow_up')),
  instrument_id text NOT NULL CHECK (instrument_id ~ '^[a-z0-9_-]+$'),
  item_id text NOT NULL CHECK (item_id ~ '^[a-z0-9_]+$'),
  value smallint NOT NULL CHECK (value BETWEEN 0 AND 100),
  PRIMARY KEY (referral_id, phase, item_id)
);

-- Bearer tokens of the FHIR interface: each belongs to a user (an integration account of an
-- organisation) and works only within one organisation. Only the SHA-256 of the token is kept.
CREATE TABLE referral_api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  label text NOT NULL DEFAULT '',
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX referral_api_tokens_user_idx ON referral_api_tokens (user_id);
