package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.accounts.ApiToken;
import cn.yiyang.planning.layers.accounts.ApiTokenRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ApiTokenRepository} over the {@code api_token} table (V17), on either store. */
public final class JdbcApiTokenRepository implements ApiTokenRepository {

    private static final String COLUMNS =
            "id, name, token_hash, roles, counties, expires_at, created_by, created_at, " + "revoked_at, revoked_by";

    private final SpatialStore store;

    public JdbcApiTokenRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public ApiToken add(ApiToken t) {
        return store.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_token (name, token_hash, roles, counties, expires_at, created_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, t.name());
                ps.setString(2, t.tokenHash());
                ps.setString(3, JdbcAccountRepository.join(t.roles()));
                ps.setString(4, JdbcAccountRepository.join(t.counties()));
                ps.setObject(5, t.expiresAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(6, t.createdBy());
                ps.executeUpdate();
                id = JdbcPlanDocumentRepository.generatedId(ps);
            }
            return read(c, "SELECT " + COLUMNS + " FROM api_token WHERE id = ?", id)
                    .getFirst();
        });
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return store
                .withConnection(c -> read(c, "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?", tokenHash))
                .stream()
                .findFirst();
    }

    @Override
    public List<ApiToken> all() {
        return store.withConnection(
                c -> read(c, "SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id DESC", null));
    }

    @Override
    public boolean revoke(long id, String by) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP, "
                    + "revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, by);
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<ApiToken> read(Connection c, String sql, Object parameter) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiToken(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            JdbcAccountRepository.split(rs.getString(4)),
                            JdbcAccountRepository.split(rs.getString(5)),
                            rs.getObject(6, OffsetDateTime.class),
                            rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class),
                            rs.getObject(9, OffsetDateTime.class),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }
}
