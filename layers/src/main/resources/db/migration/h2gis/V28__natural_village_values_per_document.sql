-- V28: a run's natural-village values as one document per indicator and group (issue 14).
-- A road-access run on the full demo city computes 74,807 values, 64,860 of them of natural villages (5 indicators of
-- 12,972 natural villages). As rows of analysis_indicator they were most of the time a run took to store its values on
-- the embedded store (1.5-3 s) and most of its growth (about 30 MB a run); deleting them from older runs took as long
-- again. Here each (run, indicator, level, group) is one row whose units column holds a JSON array of
-- [code, name, parent_code, numerator, denominator, target], in code order. The repository
-- (JdbcAnalysisRunRepository) reads them back as the rows they were; no query filters inside them.
CREATE TABLE analysis_indicator_units (
    run_id VARCHAR(64) NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    indicator VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    grp VARCHAR NOT NULL,
    unit_count INTEGER NOT NULL,
    units CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (run_id, indicator, level, grp)
);

-- The natural-village rows runs saved before: those of each kind's latest 5 successful runs stay, as rows (read and
-- deleted with the documents); older ones go, as planning.analyses.natural-village-runs (default 5) now has it.
DELETE FROM analysis_indicator WHERE level = 'natural_village' AND run_id NOT IN (
    SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY finished_at DESC, created_at DESC, id DESC) AS n
        FROM analysis_run WHERE status = 'SUCCEEDED') latest
    WHERE n <= 5);
