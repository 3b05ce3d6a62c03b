-- V27: analysis_indicator without its second index (issue 14).
-- Every query of the table names the run: a run's values by its id, a unit's history by joining the kind's runs
-- (tens, not thousands) and looking each one up by the primary key (run_id, indicator, level, code, grp). The index on
-- (level, code, indicator) served no plan (EXPLAIN of the history query on both stores: analysis_run first, then the
-- primary key), and a road-access run on the full demo city wrote 74,807 entries to it: on the embedded store about a
-- third of the time and of the space its indicators take.
DROP INDEX IF EXISTS analysis_indicator_unit_idx;
