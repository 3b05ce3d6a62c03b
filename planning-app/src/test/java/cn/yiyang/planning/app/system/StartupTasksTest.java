package cn.yiyang.planning.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Start-up work (marking runs and imports a stopped process left) runs once, before the web server takes requests
 * and before the context is refreshed (when schedules are registered; runners and the ready event come later).
 */
class StartupTasksTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    /** Stands in for the web server: the lifecycle phase in which Boot starts it. */
    private final class WebServer implements SmartLifecycle {
        private boolean running;

        @Override
        public void start() {
            events.add("web server");
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE;
        }
    }

    @Test
    void tasksRunOnceBeforeTheWebServerAndTheRefreshedContext() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("web", WebServer.class, () -> new WebServer());
            context.registerBean("first", StartupTask.class, () -> () -> events.add("task 1"));
            context.registerBean("second", StartupTask.class, () -> () -> events.add("task 2"));
            context.registerBean(StartupTasks.class);
            context.addApplicationListener(e -> {
                if (e instanceof ContextRefreshedEvent) {
                    events.add("refreshed");
                }
            });
            context.refresh();
            assertThat(events).containsExactly("task 1", "task 2", "web server", "refreshed");
            context.stop();
            context.start();
            assertThat(events)
                    .as("not again on a restart of the context")
                    .filteredOn(e -> e.startsWith("task"))
                    .hasSize(2);
        }
    }
}
