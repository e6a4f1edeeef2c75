-- Changes of one activity recorded at the same instant (one transaction can record several)
-- are listed in the order they were made.
ALTER TABLE service_changes ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX service_changes_service_idx;
CREATE INDEX service_changes_service_idx ON service_changes (service_id, changed_at DESC, seq DESC);
