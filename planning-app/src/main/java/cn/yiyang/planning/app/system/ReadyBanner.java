package cn.yiyang.planning.app.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the app is and how to sign in, once it is ready. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);
    private final String demoPassword;

    ReadyBanner(@Value("${planning.security.demo-password:yiyang2025}") String demoPassword) {
        this.demoPassword = demoPassword;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext w
                ? w.getWebServer().getPort()
                : 8080;
        log.info("""

                ==============================================================
                  Ready: http://localhost:{}/
                  Sign in as admin (or planner, transport, water, sewage,
                  logistics, leader) with password: {}
                ==============================================================""", port, demoPassword);
    }
}
