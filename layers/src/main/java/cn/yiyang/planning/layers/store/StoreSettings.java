package cn.yiyang.planning.layers.store;

import java.util.Objects;

/**
 * Where the store is.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL
 * @param user     the user, or null when the URL carries it
 * @param password the password, or null
 */
public record StoreSettings(String jdbcUrl, String user, String password) {

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** An embedded H2GIS file database at {@code path} (without the .mv.db ending). */
    public static StoreSettings embedded(String path) {
        return new StoreSettings("jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    public StoreKind kind() {
        return StoreKind.fromJdbcUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "StoreSettings[" + kind() + "]";
    }
}
