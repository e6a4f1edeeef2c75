-- Providers: self-service editing of activities, moderation by regional coordinators, claims of
-- imported records, change history and review reminders. Must run on PostgreSQL 15 and PGlite.

-- How a region moderates providers' changes: every change, only new activities, or none.
-- A region without a row moderates every change.
CREATE TABLE region_moderation_policies (
  region_code text PRIMARY KEY REFERENCES regions (code),
  policy text NOT NULL CHECK (policy IN ('all', 'new_only', 'none')),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A provider's proposed version of an activity: autosaved as a draft, submitted to moderation
-- (pending), then approved (applied to the catalogue) or returned with a comment. `proposed`
-- holds the editor's form values; `diff` the fields that differ from the catalogue at submit
-- time ({field: {before, after}}). `service_id` is the activity's id, also for a new one.
CREATE TABLE change_requests (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  region_code text REFERENCES regions (code),
  kind text NOT NULL CHECK (kind IN ('create', 'update')),
  -- provenance of a new activity: the editor ('manual') or a spreadsheet import ('csv')
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'csv')),
  source_id text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending', 'approved', 'returned', 'withdrawn')),
  proposed jsonb NOT NULL,
  diff jsonb NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL,
  submitted_at timestamptz,
  decided_by uuid,
  decided_at timestamptz,
  decision_comment text CHECK (decision_comment IS NULL OR length(decision_comment) <= 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open version (draft or waiting) per activity.
CREATE UNIQUE INDEX change_requests_open_idx ON change_requests (service_id) WHERE status IN ('draft', 'pending', 'returned');
CREATE INDEX change_requests_queue_idx ON change_requests (region_code, status, submitted_at);
CREATE INDEX change_requests_organisation_idx ON change_requests (organisation_id, status);

-- A provider's organisation claims an imported organisation or activity, to maintain it in
-- Tarjotin; a coordinator of the record's region decides.
CREATE TABLE claims (
  id uuid PRIMARY KEY,
  entity text NOT NULL CHECK (entity IN ('organisation', 'service')),
  entity_id uuid NOT NULL,
  claimant_organisation_id uuid NOT NULL REFERENCES organisations (id),
  region_code text REFERENCES regions (code),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  reason text CHECK (reason IS NULL OR length(reason) <= 2000),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by uuid,
  decided_at timestamptz,
  decision_comment text CHECK (decision_comment IS NULL OR length(decision_comment) <= 4000)
);
CREATE UNIQUE INDEX claims_open_idx ON claims (entity, entity_id, claimant_organisation_id) WHERE status IN ('pending', 'approved');
CREATE INDEX claims_queue_idx ON claims (region_code, status, requested_at);

-- Every decision of the moderation queue (also in the audit log; this table is the queue's history).
CREATE TABLE moderation_decisions (
  id uuid PRIMARY KEY,
  item_type text NOT NULL CHECK (item_type IN ('change_request', 'claim', 'listing_report', 'import_conflict')),
  item_id uuid NOT NULL,
  region_code text,
  decision text NOT NULL CHECK (decision IN ('approved', 'returned', 'declined', 'resolved', 'dismissed', 'accepted_incoming', 'kept_local')),
  comment text CHECK (comment IS NULL OR length(comment) <= 4000),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL
);
CREATE INDEX moderation_decisions_item_idx ON moderation_decisions (item_type, item_id);

-- Change history per activity: who, when, what (field names; the values are in the diff).
CREATE TABLE service_changes (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid,
  action text NOT NULL CHECK (action IN ('created', 'updated', 'submitted', 'approved', 'returned', 'paused', 'published', 'archived', 'reviewed', 'claimed', 'conflict_resolved')),
  fields text[] NOT NULL DEFAULT '{}',
  diff jsonb NOT NULL DEFAULT '{}',
  comment text
);
CREATE INDEX service_changes_service_idx ON service_changes (service_id, changed_at DESC);

-- Review reminders. `review_state` on services is kept by the reminder job from
-- last_reviewed_at and the configured periods; 'hidden' is outside the public tray.
ALTER TABLE services ADD COLUMN review_state text NOT NULL DEFAULT 'current'
  CHECK (review_state IN ('current', 'reminded', 'out_of_date', 'hidden'));
CREATE INDEX services_review_idx ON services (review_state, last_reviewed_at) WHERE last_reviewed_at IS NOT NULL;

-- One reminder per activity, review date and stage, whichever instance runs the job first.
CREATE TABLE review_reminders (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  reviewed_at timestamptz NOT NULL,
  stage text NOT NULL CHECK (stage IN ('reminded', 'out_of_date', 'hidden')),
  reminded_at timestamptz NOT NULL,
  recipients integer NOT NULL DEFAULT 0,
  PRIMARY KEY (service_id, reviewed_at, stage)
);

-- An uploaded spreadsheet between its preview and the user's decision (all rows or valid rows
-- only). Deleted when imported or after a day.
CREATE TABLE csv_imports (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  file_name text,
  content text NOT NULL
);

-- The moderation queue lists open reports and conflicts per region.
CREATE INDEX import_conflicts_entity_idx ON import_conflicts (entity, entity_id);
