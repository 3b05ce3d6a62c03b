package cn.yiyang.planning.app.exporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An export started from the UI: written on the export worker into a temporary file, with its progress (features
 * written of the total counted at the start), until it is ready to download, failed, or cancelled by the user. The
 * owner deletes the file with {@link #discard} once the user has it or leaves.
 */
public final class ExportJob {

    /** Where an export stands. */
    public enum State {
        QUEUED,
        RUNNING,
        READY,
        FAILED,
        CANCELLED;

        /** Whether the export has stopped (ready, failed or cancelled). */
        public boolean settled() {
            return this == READY || this == FAILED || this == CANCELLED;
        }
    }

    private final ExportRequest request;
    private final long total;
    private final Path file;
    private final Consumer<ExportJob> listener;
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile State state = State.QUEUED;
    private volatile long written;
    private volatile boolean cancelRequested;

    ExportJob(ExportRequest request, long total, Path file, Consumer<ExportJob> listener) {
        this.request = request;
        this.total = total;
        this.file = file;
        this.listener = listener;
    }

    public ExportRequest request() {
        return request;
    }

    public State state() {
        return state;
    }

    /** How many features the export holds when complete. */
    public long total() {
        return total;
    }

    /** How many features are written so far. */
    public long written() {
        return written;
    }

    /** The share written, 0 to 1 (1 for an empty export). */
    public double progress() {
        return total == 0 ? (state == State.READY ? 1 : 0) : Math.min(1.0, (double) written / total);
    }

    /** The download's file name: the layer and the format's extension. */
    public String fileName() {
        return request.baseName() + "." + request.format().extension();
    }

    /** The finished file (only when {@link State#READY}). */
    public Path file() {
        return file;
    }

    /** Asks the worker to stop at the next thousand features; a queued export never starts. */
    public void cancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Deletes the file (the user has it, or left without it). */
    public void discard() {
        cancel();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /**
     * Waits until the export settles.
     *
     * @return whether it settled within {@code timeout}
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void running() {
        state = State.RUNNING;
        listener.accept(this);
    }

    void progressed(long n) {
        written = n;
        listener.accept(this);
    }

    void settle(State end) {
        state = end;
        if (end != State.READY) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
        settled.countDown();
        listener.accept(this);
    }
}
