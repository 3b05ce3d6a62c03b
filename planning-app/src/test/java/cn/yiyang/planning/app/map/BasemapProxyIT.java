package cn.yiyang.planning.app.map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Path;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code /basemap/tianditu/…} in the app, fetching from a local stand-in for Tianditu with the server's key. */
@SpringBootTest(properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.proxy=true"})
class BasemapProxyIT {

    @TempDir
    static Path dataDir;

    static final FakeTianditu UPSTREAM;

    static {
        try {
            UPSTREAM = new FakeTianditu();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("planning.data-dir", () -> dataDir.toString());
        registry.add("planning.tianditu.key", () -> FakeTianditu.KEY);
        registry.add("planning.tianditu.base-url", UPSTREAM::baseUrl);
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    @Test
    void tilesComeThroughTheProxyWithADayOfCaching() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/basemap/tianditu/status").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.available").value(true));
        mvc.perform(MockMvcRequestBuilders.get("/basemap/tianditu/cia/10/830/420")
                        .with(user("u")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=86400")))
                .andExpect(content().bytes(FakeTianditu.PNG));
    }

    @Test
    void badRequestsAreProblemsAndAnonymousUsersAreRefused() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/basemap/tianditu/xyz/1/0/0").with(user("u")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown_layer"));
        mvc.perform(MockMvcRequestBuilders.get("/basemap/tianditu/vec/1/5/0").with(user("u")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("bad_tile"));
        mvc.perform(MockMvcRequestBuilders.get("/basemap/tianditu/vec/1/0/0")).andExpect(status().isUnauthorized());
    }
}
