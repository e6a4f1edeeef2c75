-- Search performance (issue 4): no pending list on the search GIN indexes. With fastupdate a
-- GIN index collects new entries in an unsorted pending list that every search scans until
-- VACUUM merges it: right after a bulk load (demo tray, PTV import) a vocabulary lookup took
-- 100 ms instead of 1. Writes merge into the index at once instead (slightly slower writes).
ALTER INDEX search_documents_match_idx SET (fastupdate = off);
ALTER INDEX search_vocabulary_trgm_idx SET (fastupdate = off);
