-- Catalogue: areas, taxonomies, organisations, services (standing activities), locations,
-- contact channels, schedules and events. Every catalogue record carries provenance.
-- Localised text is JSONB {"fi": "...", "sv": "...", "en": "..."} everywhere.
-- Must run on PostgreSQL 15 and on PGlite.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
  kind text NOT NULL CHECK (kind IN ('welfare_region', 'city', 'autonomous')),
  name jsonb NOT NULL,
  population integer,
  brand_colour text CHECK (brand_colour ~ '^#[0-9a-f]{6}$')
);

CREATE TABLE municipalities (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  name jsonb NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  population integer,
  official_languages text[] NOT NULL DEFAULT '{fi}',
  latitude double precision,
  longitude double precision
);
CREATE INDEX municipalities_region_idx ON municipalities (region_code);

CREATE TABLE postal_codes (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
  municipality_code text NOT NULL REFERENCES municipalities (code),
  name jsonb,
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  -- true when the point is the municipality's centroid, not the postal area's own
  coarse boolean NOT NULL DEFAULT false
);
CREATE INDEX postal_codes_municipality_idx ON postal_codes (municipality_code);

-- Reference data versions (regions, municipalities, taxonomies) so start-up syncs only on change.
CREATE TABLE reference_data_versions (
  name text PRIMARY KEY,
  hash text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Taxonomies: resident-facing HYTE themes and target groups (our own lists) ...
CREATE TABLE taxonomy_terms (
  taxonomy text NOT NULL CHECK (taxonomy IN ('theme', 'target_group')),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]+$'),
  label jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  sort_order integer NOT NULL DEFAULT 0,
  age_min smallint,
  age_max smallint,
  PRIMARY KEY (taxonomy, code)
);

-- ... and how external codes map onto them (PTV service classes, ontology terms, PTV target
-- groups, YSO keywords). The external codes are also kept on each record.
CREATE TABLE taxonomy_mappings (
  scheme text NOT NULL CHECK (scheme IN ('ptv_service_class', 'ptv_ontology_term', 'ptv_target_group', 'ptv_life_event', 'yso', 'linked_events_keyword')),
  external_code text NOT NULL,
  taxonomy text NOT NULL,
  code text NOT NULL,
  weight real NOT NULL DEFAULT 1,
  PRIMARY KEY (scheme, external_code, taxonomy, code),
  FOREIGN KEY (taxonomy, code) REFERENCES taxonomy_terms (taxonomy, code)
);

-- Raw source payloads, apart from the records so that catalogue scans stay small.
CREATE TABLE source_payloads (
  source text NOT NULL,
  entity text NOT NULL,
  source_id text NOT NULL,
  payload jsonb NOT NULL,
  payload_hash text NOT NULL,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, entity, source_id)
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('municipality', 'welfare_region', 'ngo', 'parish', 'company', 'state', 'other')),
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  business_id text CHECK (business_id ~ '^[0-9]{7}-[0-9]$'),
  region_code text REFERENCES regions (code),
  municipality_code text REFERENCES municipalities (code),
  parent_id uuid REFERENCES organisations (id),
  website text,
  email text,
  phone text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  -- provenance
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo')),
  source_id text,
  source_modified timestamptz,
  payload_hash text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  -- fields changed in Tarjotin that an import must not overwrite silently
  locally_edited_fields text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_source_idx ON organisations (source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX organisations_business_id_idx ON organisations (business_id) WHERE business_id IS NOT NULL;
CREATE INDEX organisations_region_idx ON organisations (region_code);

CREATE TABLE services (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name jsonb NOT NULL,
  alternative_names jsonb NOT NULL DEFAULT '{}',
  summary jsonb NOT NULL DEFAULT '{}',
  description jsonb NOT NULL DEFAULT '{}',
  plain_summary jsonb NOT NULL DEFAULT '{}',
  user_instructions jsonb NOT NULL DEFAULT '{}',
  -- {"fi": ["jumppa", ...], "sv": [...]}
  keywords jsonb NOT NULL DEFAULT '{}',
  themes text[] NOT NULL DEFAULT '{}',
  target_groups text[] NOT NULL DEFAULT '{}',
  age_min smallint CHECK (age_min >= 0 AND age_min <= 120),
  age_max smallint CHECK (age_max >= 0 AND age_max <= 120),
  cost_type text NOT NULL DEFAULT 'unknown' CHECK (cost_type IN ('free', 'fee', 'unknown')),
  cost_info jsonb NOT NULL DEFAULT '{}',
  kaikukortti boolean NOT NULL DEFAULT false,
  -- languages the activity is held in (ISO 639-1; 'fi-plain' for selkokieli)
  languages text[] NOT NULL DEFAULT '{}',
  area_type text NOT NULL DEFAULT 'local' CHECK (area_type IN ('nationwide', 'regions', 'municipalities', 'local')),
  area_regions text[] NOT NULL DEFAULT '{}',
  area_municipalities text[] NOT NULL DEFAULT '{}',
  -- derived at write time from the areas served and the locations (kept by the catalogue service)
  municipality_codes text[] NOT NULL DEFAULT '{}',
  region_codes text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'paused', 'archived')),
  -- false for imported services that are not well-being activities: audited, never shown to residents
  in_tray boolean NOT NULL DEFAULT true,
  accepts_referrals boolean NOT NULL DEFAULT false,
  open_places integer CHECK (open_places >= 0),
  confidential_address boolean NOT NULL DEFAULT false,
  last_reviewed_at timestamptz,
  -- external classifications as received (PTV service classes, ontology term URIs, ...)
  service_classes text[] NOT NULL DEFAULT '{}',
  ontology_terms text[] NOT NULL DEFAULT '{}',
  source_target_groups text[] NOT NULL DEFAULT '{}',
  life_events text[] NOT NULL DEFAULT '{}',
  -- provenance
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo')),
  source_id text,
  source_modified timestamptz,
  payload_hash text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  locally_edited_fields text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE UNIQUE INDEX services_source_idx ON services (source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX services_organisation_idx ON services (organisation_id);
CREATE INDEX services_themes_idx ON services USING gin (themes);
CREATE INDEX services_target_groups_idx ON services USING gin (target_groups);
CREATE INDEX services_municipality_codes_idx ON services USING gin (municipality_codes);
CREATE INDEX services_region_codes_idx ON services USING gin (region_codes);
CREATE INDEX services_public_idx ON services (status, in_tray);

CREATE TABLE locations (
  id uuid PRIMARY KEY,
  organisation_id uuid REFERENCES organisations (id),
  name jsonb NOT NULL DEFAULT '{}',
  street_address jsonb NOT NULL DEFAULT '{}',
  postal_code text,
  post_office jsonb NOT NULL DEFAULT '{}',
  municipality_code text REFERENCES municipalities (code),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  -- as reported by the source, e.g. PTV 'Ok', 'NotReceived', 'EnteredByUser', 'Failed'
  coordinate_state text,
  -- [{"group": {"fi": ...}, "sentence": {"fi": ...}}]
  accessibility jsonb NOT NULL DEFAULT '[]',
  accessibility_features text[] NOT NULL DEFAULT '{}',
  -- provenance
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo')),
  source_id text,
  source_modified timestamptz,
  payload_hash text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  locally_edited_fields text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX locations_source_idx ON locations (source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX locations_municipality_idx ON locations (municipality_code);

CREATE TABLE service_locations (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, location_id)
);
CREATE INDEX service_locations_location_idx ON service_locations (location_id);

-- Contact channels: web pages, phone numbers, e-mail, e-services, printable forms. A channel
-- can serve several services (PTV channels are shared), hence the link table.
CREATE TABLE contact_channels (
  id uuid PRIMARY KEY,
  organisation_id uuid REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('web', 'phone', 'email', 'eservice', 'printable_form')),
  name jsonb NOT NULL DEFAULT '{}',
  -- localised value: URL, phone number or address per language
  value jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  -- phone charge info etc.
  details jsonb NOT NULL DEFAULT '{}',
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo')),
  source_id text,
  source_modified timestamptz,
  payload_hash text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  locally_edited_fields text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- PTV channels map to several rows (one per phone number, web page ...): source_id is not unique.
CREATE INDEX contact_channels_source_idx ON contact_channels (source, source_id);

CREATE TABLE service_channels (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  channel_id uuid NOT NULL REFERENCES contact_channels (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, channel_id)
);
CREATE INDEX service_channels_channel_idx ON service_channels (channel_id);

-- Opening hours and recurring times with iCalendar semantics: a weekly rule
-- (RRULE:FREQ=WEEKLY;INTERVAL=n;BYDAY=...) valid from DTSTART to UNTIL, excluded dates (EXDATE),
-- and exception rows overriding a date range (closed, or other hours).
CREATE TABLE schedules (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('weekly', 'exception', 'always_open', 'by_appointment')),
  -- ISO weekdays 1 = Monday ... 7 = Sunday
  weekdays smallint[] NOT NULL DEFAULT '{}',
  opens time,
  closes time,
  -- closes on the next day (PTV OverMidnight)
  over_midnight boolean NOT NULL DEFAULT false,
  interval_weeks smallint NOT NULL DEFAULT 1 CHECK (interval_weeks BETWEEN 1 AND 52),
  valid_from date,
  valid_to date,
  excluded_dates date[] NOT NULL DEFAULT '{}',
  closed boolean NOT NULL DEFAULT false,
  note jsonb NOT NULL DEFAULT '{}',
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX schedules_service_idx ON schedules (service_id);

-- Dated occurrences (Linked Events events, or dates of a course).
CREATE TABLE events (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES services (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id),
  location_id uuid REFERENCES locations (id) ON DELETE SET NULL,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'postponed', 'archived')),
  themes text[] NOT NULL DEFAULT '{}',
  cost_type text NOT NULL DEFAULT 'unknown' CHECK (cost_type IN ('free', 'fee', 'unknown')),
  cost_info jsonb NOT NULL DEFAULT '{}',
  info_url text,
  source text NOT NULL CHECK (source IN ('ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo')),
  source_id text,
  source_modified timestamptz,
  payload_hash text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  locally_edited_fields text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE UNIQUE INDEX events_source_idx ON events (source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX events_service_starts_idx ON events (service_id, starts_at);
CREATE INDEX events_starts_idx ON events (starts_at);

-- Settings the application keeps in the database (e.g. whether demo data was loaded).
CREATE TABLE app_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
