package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pages' Content-Security-Policy: this server, and Tianditu's hosts for base-map tiles. */
class ContentSecurityPolicyTest {

    @Test
    void tiandituHostsMayServeImagesAndDataAndNothingElseComesFromElsewhere() {
        String policy = ContentSecurityPolicy.policy("https://t{s}.tianditu.gov.cn");
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;")
                .contains("connect-src 'self' ws: wss: https://*.tianditu.gov.cn;")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'self'");
        assertThat(policy.replace("https://*.tianditu.gov.cn", "")).doesNotContain("http");
    }

    @Test
    void anotherBaseMapServerIsNamedAsItIsAndNoneAddsNothing() {
        assertThat(ContentSecurityPolicy.policy("http://tiles.local:8081/tdt"))
                .contains("img-src 'self' data: blob: http://tiles.local:8081;");
        assertThat(ContentSecurityPolicy.policy("")).contains("img-src 'self' data: blob:;");
    }
}
