package cn.yiyang.planning.app.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s once, as the context starts: in a lifecycle phase before the web server's, so that
 * no request can start a run that a task would then take for one left over; scheduled tasks are registered only
 * after the context is refreshed, and runners and ready-event listeners come later still.
 */
@Component
class StartupTasks implements SmartLifecycle {

    /** Before the web server starts taking requests. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

    private final ObjectProvider<StartupTask> tasks;
    private volatile boolean running;
    /** A context stopped and started again does not run them twice. */
    private boolean done;

    StartupTasks(ObjectProvider<StartupTask> tasks) {
        this.tasks = tasks;
    }

    @Override
    public synchronized void start() {
        if (!done) {
            tasks.orderedStream().forEach(StartupTask::run);
            done = true;
        }
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
        return PHASE;
    }
}
