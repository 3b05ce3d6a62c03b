-- V25: the indexes a replace of a layer builds after its swap (PostgisLaterIndexes): every index but the primary
-- key, the unique ones and the GiST index of geom, which are built before the swap. The swap records them here in its
-- own transaction and each row is deleted when its index is built, so an index that a stopped process never built is
-- built at the next start. PostGIS only: the embedded store builds every index in the load's transaction.
CREATE TABLE layer_index_pending (
    table_name text NOT NULL,
    index_name text NOT NULL,
    definition text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, index_name)
);
