package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link AccountRepository} over the {@code app_account} table (V17), on either store. */
public final class JdbcAccountRepository implements AccountRepository {

    private static final String COLUMNS = "name, password_hash, roles, counties, enabled, credential_version, "
            + "created_by, created_at, updated_at";

    private final SpatialStore store;

    public JdbcAccountRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public long count() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_account");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<Account> find(String name) {
        return store
                .withConnection(c -> read(c, "SELECT " + COLUMNS + " FROM app_account WHERE name = ?", name))
                .stream()
                .findFirst();
    }

    @Override
    public List<Account> all() {
        return store.withConnection(c -> read(c, "SELECT " + COLUMNS + " FROM app_account ORDER BY name", null));
    }

    @Override
    public boolean add(Account a) {
        return store.inTransaction(c -> {
            if (!read(c, "SELECT " + COLUMNS + " FROM app_account WHERE name = ?", a.name())
                    .isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_account (name, password_hash, roles, "
                    + "counties, enabled, credential_version, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.name());
                ps.setString(2, a.passwordHash());
                ps.setString(3, join(a.roles()));
                ps.setString(4, join(a.counties()));
                ps.setBoolean(5, a.enabled());
                ps.setInt(6, a.credentialVersion());
                ps.setString(7, a.createdBy());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean setPasswordHash(String name, String passwordHash) {
        return update("password_hash = ?, credential_version = credential_version + 1", name, passwordHash);
    }

    @Override
    public boolean setEnabled(String name, boolean enabled) {
        return enabled
                ? update("enabled = ?", name, true)
                : update("enabled = ?, credential_version = credential_version + 1", name, false);
    }

    @Override
    public boolean setRolesAndCounties(String name, Set<String> roles, Set<String> counties) {
        return update("roles = ?, counties = ?", name, join(roles), join(counties));
    }

    /** One UPDATE of the named account: {@code set} with its values, then {@code updated_at}. */
    private boolean update(String set, String name, Object... values) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_account SET " + set + ", updated_at = CURRENT_TIMESTAMP WHERE name = ?")) {
                int i = 1;
                for (Object value : values) {
                    ps.setObject(i++, value);
                }
                ps.setString(i, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A set as one comma-separated column (sorted); also the tokens' roles and counties. */
    static String join(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    /** The set of a comma-separated column; empty for null or blank. */
    static Set<String> split(String value) {
        return value == null || value.isBlank()
                ? Set.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }

    private static List<Account> read(Connection c, String sql, Object parameter) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(
                            rs.getString(1),
                            rs.getString(2),
                            split(rs.getString(3)),
                            split(rs.getString(4)),
                            rs.getBoolean(5),
                            rs.getInt(6),
                            rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class),
                            rs.getObject(9, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }
}
