package cn.yiyang.planning.layers.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The accounts ({@code app_account}, V17). Each change sets {@code updated_at}. */
public interface AccountRepository {

    /** How many accounts there are (none: the first start). */
    long count();

    /** The account of that name. */
    Optional<Account> find(String name);

    /** Every account, by name. */
    List<Account> all();

    /**
     * Stores a new account.
     *
     * @return false when an account of that name exists (nothing is changed)
     */
    boolean add(Account account);

    /**
     * Sets the password hash and increases the credential version.
     *
     * @return false when there is no such account
     */
    boolean setPasswordHash(String name, String passwordHash);

    /**
     * Enables or disables the account; disabling increases the credential version.
     *
     * @return false when there is no such account
     */
    boolean setEnabled(String name, boolean enabled);

    /**
     * Sets the account's roles and counties (empty counties: every county).
     *
     * @return false when there is no such account
     */
    boolean setRolesAndCounties(String name, Set<String> roles, Set<String> counties);
}
