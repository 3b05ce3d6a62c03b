package cn.yiyang.planning.layers.store;

import java.util.Locale;

/** The two stores the service runs on. */
public enum StoreKind {
    /** PostgreSQL with PostGIS: the production store. */
    POSTGIS,
    /** An embedded H2 database with the H2GIS functions: the default, needs no server. */
    H2GIS;

    /** The store a JDBC URL points at. */
    public static StoreKind fromJdbcUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGIS;
        }
        if (u.startsWith("jdbc:h2:")) {
            return H2GIS;
        }
        throw new StoreException(
                StoreException.Reason.UNSUPPORTED_URL,
                "unsupported JDBC URL scheme (expected jdbc:postgresql: or jdbc:h2:)",
                null);
    }
}
