-- Quality audit of the catalogue (PTV and every other source): audit runs, their findings,
-- scorecard snapshots per run (the trend), rule settings per region, and the schedule lease
-- that lets exactly one app instance start a scheduled run.

CREATE TABLE quality_runs (
  id uuid PRIMARY KEY,
  -- null: every region (default rule settings); otherwise the region's records and settings
  region_code text REFERENCES regions (code),
  trigger text NOT NULL CHECK (trigger IN ('cli', 'schedule', 'page')),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
  link_check boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  duration_ms integer,
  records_audited integer NOT NULL DEFAULT 0,
  checks integer NOT NULL DEFAULT 0,
  findings integer NOT NULL DEFAULT 0,
  -- share of checks passing, weighted by severity (0..1)
  score real,
  error text
);
CREATE INDEX quality_runs_region_idx ON quality_runs (region_code, started_at DESC);

-- One row per failed check. Areas and organisation are copied so that worklists filter
-- without re-deriving them, and stay as they were at the time of the run.
CREATE TABLE quality_findings (
  run_id uuid NOT NULL REFERENCES quality_runs (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('service', 'location', 'contact_channel')),
  entity_id uuid NOT NULL,
  organisation_id uuid,
  source text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  municipality_codes text[] NOT NULL DEFAULT '{}',
  region_codes text[] NOT NULL DEFAULT '{}',
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, rule_id, entity_id)
);
CREATE INDEX quality_findings_organisation_idx ON quality_findings (run_id, organisation_id);
CREATE INDEX quality_findings_regions_idx ON quality_findings USING gin (region_codes);

-- Scorecards of a run: the whole run ('run', code ''), per region, municipality and
-- organisation. rules = {"rule_id": [passed, checked], ...}.
CREATE TABLE quality_snapshots (
  run_id uuid NOT NULL REFERENCES quality_runs (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('run', 'region', 'municipality', 'organisation')),
  code text NOT NULL,
  records integer NOT NULL,
  checks integer NOT NULL,
  passed integer NOT NULL,
  score real,
  rules jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, scope, code)
);
CREATE INDEX quality_snapshots_scope_idx ON quality_snapshots (scope, code);

-- A region's choices: a rule switched off, or its threshold changed. No row: the default.
CREATE TABLE quality_rule_settings (
  region_code text NOT NULL REFERENCES regions (code),
  rule_id text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  threshold integer CHECK (threshold >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (region_code, rule_id)
);

-- The schedule lease: an instance starts the scheduled audit only when it moves next_run_at
-- forward itself (one UPDATE ... WHERE next_run_at <= now), so instances never run it twice.
CREATE TABLE quality_schedule (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  claimed_at timestamptz
);
