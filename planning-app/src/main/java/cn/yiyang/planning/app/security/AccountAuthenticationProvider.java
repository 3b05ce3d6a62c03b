package cn.yiyang.planning.app.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a name and password (the sign-in form, HTTP Basic) against the accounts: throttled attempts are refused
 * before the password is looked at ({@link SignInThrottle}); a credential verified a short time ago is taken
 * without a password hash ({@link RememberedCredentials}); else the stored hash is checked, a failure counted.
 * A disabled account is refused only after its password was right, so that a guess learns nothing.
 */
final class AccountAuthenticationProvider implements AuthenticationProvider {

    /** Checked for an unknown name, so that it costs what a known one does. */
    private final String unknownHash;

    private final AccountService accounts;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final RememberedCredentials remembered;

    AccountAuthenticationProvider(
            AccountService accounts,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            RememberedCredentials remembered) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.remembered = remembered;
        this.unknownHash = encoder.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<Instant> until = throttle.refuses(name, address);
        if (until.isPresent()) {
            throw new SignInThrottledException(until.get());
        }
        Optional<List<GrantedAuthority>> known = remembered.get(name, password);
        if (known.isPresent()) {
            return authenticated(name, known.get(), authentication);
        }
        Optional<SignInAccount> account = accounts.signInAccount(name);
        if (account.isEmpty()) {
            encoder.matches(password, unknownHash);
            throttle.failed(name, address);
            throw new BadCredentialsException("bad credentials");
        }
        if (!encoder.matches(password, account.get().passwordHash())) {
            throttle.failed(name, address);
            throw new BadCredentialsException("bad credentials");
        }
        if (!account.get().enabled()) {
            throw new DisabledException("account disabled");
        }
        throttle.succeeded(name);
        List<GrantedAuthority> authorities = account.get().authorities();
        remembered.remember(name, password, authorities);
        return authenticated(name, authorities, authentication);
    }

    private static Authentication authenticated(
            String name, List<GrantedAuthority> authorities, Authentication request) {
        User principal = new User(name, "", authorities);
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        token.setDetails(request.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
