-- Resident results pages (issue 5): the blended ranking reads, for every matching activity, its
-- topic (themes, target groups) and the dates of its quality factor. A services row is wide
-- (descriptions in three languages); this narrow partial index over the public services lets
-- the ranking read those columns by an index-only scan (52 pages instead of 696 for the
-- 2,400-activity demo tray). Its predicate is publicServiceCondition (catalog.read.queries.ts),
-- whose review_state comes with 0600.
CREATE INDEX services_rank_idx ON services (id) INCLUDE (updated_at, last_reviewed_at, themes, target_groups)
  WHERE status = 'published' AND in_tray AND review_state <> 'hidden';
