package cn.yiyang.planning.layers.accounts;

import java.util.List;
import java.util.Optional;

/** The bearer tokens of machine clients ({@code api_token}, V17). */
public interface ApiTokenRepository {

    /**
     * Stores a new token.
     *
     * @return the token as stored, with its id and time
     */
    ApiToken add(ApiToken token);

    /** The token with that keyed hash (revoked and expired ones too). */
    Optional<ApiToken> findByHash(String tokenHash);

    /** Every token, newest first. */
    List<ApiToken> all();

    /**
     * Revokes a token now.
     *
     * @return false when there is no such token or it was revoked already (nothing is changed)
     */
    boolean revoke(long id, String by);
}
