package cn.yiyang.planning.app.system;

/**
 * Work a feature does once when the application starts, such as marking the runs a stopped process left unfinished.
 * Such work writes to the store, so it has no place in a constructor (a bean built in a test or a tool would write
 * too); {@link StartupTasks} runs every task bean before the web server takes requests, before schedules fire and
 * before {@code ApplicationRunner}s and {@code ApplicationReadyEvent} listeners (the demo city, the first run).
 */
@FunctionalInterface
public interface StartupTask {

    /** Does the work; an exception stops the application's start. */
    void run();
}
