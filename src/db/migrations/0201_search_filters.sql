-- Search performance (issue 4): the filter and facet columns of each search document, copied
-- from its service by reindexServices / rebuildSearchIndex (syncSearchFilters). Filters, the
-- facet counts and the text ranking's restriction then read this narrow table instead of the
-- wide services rows (which outgrow the buffer cache at national scale).
ALTER TABLE search_documents
  ADD COLUMN themes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}',
  ADD COLUMN age_min smallint,
  ADD COLUMN age_max smallint,
  ADD COLUMN cost_type text NOT NULL DEFAULT 'unknown',
  ADD COLUMN kaikukortti boolean NOT NULL DEFAULT false,
  ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
  ADD COLUMN area_type text NOT NULL DEFAULT 'local',
  ADD COLUMN municipality_codes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN region_codes text[] NOT NULL DEFAULT '{}';

UPDATE search_documents d
   SET themes = s.themes, target_groups = s.target_groups, age_min = s.age_min, age_max = s.age_max,
       cost_type = s.cost_type, kaikukortti = s.kaikukortti, languages = s.languages, area_type = s.area_type,
       -- nationwide services carry the area code '*': one GIN-indexable overlap per area filter
       municipality_codes = CASE WHEN s.area_type = 'nationwide' THEN s.municipality_codes || '{*}'::text[] ELSE s.municipality_codes END,
       region_codes = CASE WHEN s.area_type = 'nationwide' THEN s.region_codes || '{*}'::text[] ELSE s.region_codes END
  FROM services s
 WHERE s.id::text = d.service_id;

CREATE INDEX search_documents_themes_idx ON search_documents USING gin (themes);
CREATE INDEX search_documents_target_groups_idx ON search_documents USING gin (target_groups);
CREATE INDEX search_documents_municipality_codes_idx ON search_documents USING gin (municipality_codes);
CREATE INDEX search_documents_region_codes_idx ON search_documents USING gin (region_codes);
