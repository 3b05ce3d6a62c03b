package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Accounts over real HTTP on the embedded store (the API's HTTP Basic as machine clients use it): a stored account
 * signs in, loses access at once when disabled; the 11th wrong password within the window is answered 429
 * {@code sign_in_throttled} even with the right password, which works again after the window (3 s here).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.security.sign-in.window=PT3S"
        })
class AccountsIT {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("planning.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return new ApiClient(port)
                .text(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en")
                        .build());
    }

    @Test
    void aStoredAccountSignsInWithBasicAndIsRefusedAtOnceWhenDisabled() throws Exception {
        accounts.create(ADMIN, "machine.water", "shuiwu-client-2026", EnumSet.of(Role.WATER), Set.of());
        HttpResponse<String> first = get("/api/v1/layers", "machine.water", "shuiwu-client-2026");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';");
        HttpResponse<String> login = get("/login", "anyone", "x");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .as(login.statusCode() + " " + login.headers().map())
                .isPresent();
        assertThat(get("/api/v1/layers", "machine.water", "shuiwu-client-2026").statusCode())
                .as("remembered")
                .isEqualTo(200);
        accounts.setEnabled(ADMIN, "machine.water", false);
        HttpResponse<String> refused = get("/api/v1/layers", "machine.water", "shuiwu-client-2026");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(get("/api/v1/layers", "leader", "yiyang2025").statusCode())
                .as("demo accounts as the tests set them")
                .isEqualTo(200);
    }

    @Test
    void theEleventhWrongPasswordIsThrottledAndTheRightOneWorksAfterTheWindow() throws Exception {
        accounts.create(ADMIN, "machine.roads", "jiaotong-client-26", EnumSet.of(Role.TRANSPORT), Set.of());
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/v1/layers", "machine.roads", "wrong-" + i).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled = get("/api/v1/layers", "machine.roads", "jiaotong-client-26");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body())
                .contains("\"code\":\"sign_in_throttled\"")
                .contains("Too many wrong passwords for this account or from this address");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 4L);
        assertThat(accounts.locks(ADMIN)).extracting(SignInThrottle.Lock::key).containsExactly("machine.roads");

        // the failures are in the audit record with the client's address, and the chain holds
        HttpResponse<String> csv =
                get("/api/v1/audit.csv?user=machine.roads&action=sign-in-failed", "admin", "yiyang2025");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> failures = csv.body().lines().skip(1).toList();
        assertThat(failures)
                .hasSize(11)
                .allSatisfy(line -> assertThat(line).contains(",machine.roads,127.0.0.1,sign-in-failed,"));
        assertThat(failures.getFirst()).contains(",SignInThrottledException,");
        assertThat(failures.getLast()).contains(",BadCredentialsException,");
        assertThat(get("/api/v1/audit/verify", "admin", "yiyang2025").body()).contains("\"holds\":true");

        Thread.sleep(3_200);
        assertThat(get("/api/v1/layers", "machine.roads", "jiaotong-client-26").statusCode())
                .isEqualTo(200);
        HttpResponse<String> notAdmin = get("/api/v1/audit.csv", "machine.roads", "jiaotong-client-26");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.body()).contains("\"code\":\"forbidden\"");
    }

    @Autowired
    ApiTokenService tokens;

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return new ApiClient(port)
                .text(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                method.equals("GET")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
    }

    @Test
    void aBearerTokenReadsTheApiAndTilesWithItsRolesAndIsRefusedOnceRevoked() throws Exception {
        ApiTokenService.Created viewer = tokens.create(ADMIN, "dashboard", EnumSet.of(Role.VIEWER), Set.of(), null);
        assertThat(bearer("GET", "/api/v1/layers", viewer.secret()).statusCode())
                .isEqualTo(200);
        assertThat(bearer("GET", "/tiles/county/0/0/0.mvt", viewer.secret()).statusCode())
                .isIn(200, 204);
        HttpResponse<String> write = bearer("POST", "/api/v1/layers/road/features", viewer.secret());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("\"code\":\"forbidden\"");

        tokens.revoke(ADMIN, viewer.token().id());
        HttpResponse<String> revoked = bearer("GET", "/api/v1/layers", viewer.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(bearer("GET", "/tiles/county/0/0/0.mvt", "yyp_unknown").statusCode())
                .isEqualTo(401);
    }
}
