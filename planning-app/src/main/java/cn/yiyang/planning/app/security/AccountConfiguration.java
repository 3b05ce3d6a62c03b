package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.system.StartupTask;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import cn.yiyang.planning.layers.accounts.ApiTokenRepository;
import cn.yiyang.planning.layers.store.JdbcAccountRepository;
import cn.yiyang.planning.layers.store.JdbcApiTokenRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts (V17) and how a name and password are checked: the one {@link AuthenticationProvider} of the app
 * (sign-in form and HTTP Basic), the throttle, the remembered Basic credentials, the demo accounts and the first
 * start. Settings: see the README's table (PLANNING_ADMIN_PASSWORD, PLANNING_DEMO_ACCOUNTS …).
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** bcrypt through the delegating encoder ({@code {bcrypt}...}), so that another algorithm can follow. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountRepository accountRepository(SpatialStore store) {
        return new JdbcAccountRepository(store);
    }

    @Bean
    DemoAccounts demoAccounts(
            PasswordEncoder encoder,
            @Value("${planning.security.demo-accounts:auto}") String setting,
            @Value("${planning.demo.enabled:true}") boolean demoData,
            @Value("${planning.db.url:}") String dbUrl,
            @Value("${planning.security.demo-password:yiyang2025}") String password) {
        boolean active = DemoAccounts.active(setting, demoData, dbUrl);
        return new DemoAccounts(active, active ? encoder.encode(password) : null);
    }

    @Bean
    SignInThrottle signInThrottle(
            @Value("${planning.security.sign-in.window:PT1M}") Duration window,
            @Value("${planning.security.sign-in.max-failures-per-account:10}") int perAccount,
            @Value("${planning.security.sign-in.max-failures-per-address:50}") int perAddress) {
        return new SignInThrottle(Clock.systemUTC(), window, perAccount, perAddress);
    }

    @Bean
    RememberedCredentials rememberedCredentials(@Value("${planning.security.basic-remember:PT60S}") Duration ttl) {
        return new RememberedCredentials(Clock.systemUTC(), ttl);
    }

    @Bean
    AccountService accountService(
            AccountRepository accounts,
            PasswordEncoder encoder,
            DemoAccounts demo,
            RememberedCredentials remembered,
            SignInThrottle throttle,
            AuditLog audit) {
        return new AccountService(accounts, encoder, demo, remembered, throttle, audit);
    }

    @Bean
    AuthenticationProvider accountAuthenticationProvider(
            AccountService accounts,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            RememberedCredentials remembered) {
        return new AccountAuthenticationProvider(accounts, encoder, throttle, remembered);
    }

    @Bean
    ApiTokenRepository apiTokenRepository(SpatialStore store) {
        return new JdbcApiTokenRepository(store);
    }

    @Bean
    ApiTokenService apiTokenService(
            ApiTokenRepository tokens,
            @Value("${planning.security.token-key:}") String key,
            @Value("${planning.data-dir:./data}") String dataDir,
            AuditLog audit) {
        return new ApiTokenService(tokens, TokenKey.of(key, Path.of(dataDir)), Clock.systemUTC(), audit);
    }

    @Bean
    StartupTask accountBootstrap(
            AccountRepository accounts,
            PasswordEncoder encoder,
            DemoAccounts demo,
            @Value("${planning.security.admin-password:}") String adminPassword) {
        return new AccountBootstrap(accounts, encoder, demo, adminPassword);
    }
}
