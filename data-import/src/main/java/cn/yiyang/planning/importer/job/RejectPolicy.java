package cn.yiyang.planning.importer.job;

/**
 * What a load does with rows that have errors. Either way the load is one transaction, and a load
 * in which every row has an error loads nothing and fails.
 */
public enum RejectPolicy {
    /**
     * The default, as GeoServer's importer and {@code ogr2ogr -skipfailures} do: load the valid rows,
     * report the rejected ones (status SUCCEEDED with a rejected count; the CLI exits with 1).
     */
    SKIP_INVALID,
    /** Any rejected row fails the whole import: nothing is loaded, status FAILED, problem ROWS_REJECTED. */
    ALL_OR_NOTHING
}
