package cn.yiyang.planning.layers.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts a pinned PostGIS container where Docker runs; otherwise explains what to install. */
final class PostgisContainer {

    static final String IMAGE = "postgis/postgis:15-3.4";

    private PostgisContainer() {}

    static String startOrExplain() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("These tests need PostGIS. Run ./scripts/test (it installs and starts "
                    + "PostgreSQL + PostGIS on Debian/Ubuntu), or set " + TestStores.ENV
                    + " to a PostGIS database, e.g. jdbc:postgresql://localhost:5432/planning_test?user=u&password=p, "
                    + "or start Docker for Testcontainers.");
        }
        PostgreSQLContainer pg =
                new PostgreSQLContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
        pg.start();
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
        return pg.getJdbcUrl() + (pg.getJdbcUrl().contains("?") ? "&" : "?") + "user=" + pg.getUsername() + "&password="
                + pg.getPassword();
    }
}
