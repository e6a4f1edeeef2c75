-- PTV import: run records, rejected records, cursors per scope, organisation aliases (merged by
-- business ID) and probable duplicate activities for moderation.

CREATE TABLE import_runs (
  id uuid PRIMARY KEY,
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv')),
  -- canonical scope key, e.g. 'all', 'municipality:529,905', 'organisation:<guid>'
  scope text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('full', 'incremental')),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  -- the delta window: date (null on a full run) and dateBefore (the cursor on success)
  cursor_from timestamptz,
  cursor_to timestamptz,
  created integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  archived integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX import_runs_started_idx ON import_runs (source, started_at DESC);

CREATE TABLE import_rejects (
  run_id uuid NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
  entity text NOT NULL CHECK (entity IN ('organisation', 'service', 'channel')),
  source_id text,
  reasons text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_rejects_run_idx ON import_rejects (run_id);

-- The last successful dateBefore per scope; advanced only when a run of that scope succeeded.
CREATE TABLE import_cursors (
  source text NOT NULL,
  scope text NOT NULL,
  cursor timestamptz NOT NULL,
  run_id uuid REFERENCES import_runs (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, scope)
);

-- A source organisation merged into another with the same business ID (PTV created duplicate
-- organisations until 4/2024; Lähellä.fi organisations arrive through PTV too).
CREATE TABLE organisation_aliases (
  source text NOT NULL,
  source_id text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  business_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, source_id)
);

-- Probable duplicate activities (same organiser, near-identical name, same place): the later
-- one is paused (not shown twice) until a moderator confirms or dismisses the candidate.
CREATE TABLE duplicate_candidates (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  duplicate_of uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  similarity real NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  PRIMARY KEY (service_id, duplicate_of),
  CHECK (service_id <> duplicate_of)
);
CREATE INDEX duplicate_candidates_status_idx ON duplicate_candidates (status, created_at);
