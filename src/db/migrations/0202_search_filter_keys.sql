-- Search performance (issue 4): one GIN index serves the text and the filters together.
-- Every search document gets `filter_keys`, its filter values as prefixed keys (th:exercise,
-- tg:older_people, r:08, m:837, cost:free, kaikukortti, l:sv; nationwide services carry r:* and
-- m:*). The two-column GIN index on (tsv, filter_keys) answers "these words AND these filters"
-- in one index scan that intersects the posting lists, where separate indexes built a bitmap
-- of every document that matched any one condition (a common word or a common target group
-- lists half the catalogue) and then ANDed the bitmaps.
CREATE FUNCTION search_filter_keys(themes text[], target_groups text[], region_codes text[], municipality_codes text[],
                                   cost_type text, kaikukortti boolean, languages text[])
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT 'th:' || x FROM unnest(themes) AS x)
      || ARRAY(SELECT 'tg:' || x FROM unnest(target_groups) AS x)
      || ARRAY(SELECT 'r:' || x FROM unnest(region_codes) AS x)
      || ARRAY(SELECT 'm:' || x FROM unnest(municipality_codes) AS x)
      || ARRAY['cost:' || cost_type]
      || CASE WHEN kaikukortti THEN ARRAY['kaikukortti'] ELSE '{}'::text[] END
      || ARRAY(SELECT 'l:' || x FROM unnest(languages) AS x)
$$;

ALTER TABLE search_documents
  ADD COLUMN filter_keys text[] GENERATED ALWAYS AS
    (search_filter_keys(themes, target_groups, region_codes, municipality_codes, cost_type, kaikukortti, languages)) STORED;

DROP INDEX search_documents_tsv_idx;
DROP INDEX search_documents_themes_idx;
DROP INDEX search_documents_target_groups_idx;
DROP INDEX search_documents_municipality_codes_idx;
DROP INDEX search_documents_region_codes_idx;
CREATE INDEX search_documents_match_idx ON search_documents USING gin (tsv, filter_keys);
