-- Conflicts between a field changed in Tarjotin (by a provider or coordinator) and a later
-- import from the record's source. Imports never overwrite such a field silently: they record
-- the incoming value here, and a coordinator decides (moderation).
CREATE TABLE import_conflicts (
  id uuid PRIMARY KEY,
  entity text NOT NULL CHECK (entity IN ('organisation', 'service', 'location', 'contact_channel', 'schedule', 'event')),
  entity_id uuid NOT NULL,
  source text NOT NULL,
  source_id text NOT NULL,
  field text NOT NULL,
  local_value jsonb,
  incoming_value jsonb,
  incoming_payload_hash text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted_incoming', 'kept_local')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid
);
-- One open conflict per field: a newer import updates the incoming value of the open one.
CREATE UNIQUE INDEX import_conflicts_open_idx ON import_conflicts (entity, entity_id, field) WHERE status = 'open';
CREATE INDEX import_conflicts_status_idx ON import_conflicts (status, created_at);
