package cn.yiyang.planning.importer.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An iterator run on a thread of its own, a few batches ahead of its consumer: while the load encodes and sends one
 * batch of features to the store, the next ones are read from the file and checked. An import is a pipeline of three
 * busy parties (reading and checking, encoding for COPY, the database taking the rows); run one after the other on
 * one thread the first two left a core idle.
 *
 * <p>What the source throws (a {@code Stop} at the end of a pass, a broken file) is thrown again, the same object, by
 * the consumer's {@link #hasNext()}, after the elements read before it: the load then fails and rolls back as if it
 * had read the source itself. {@link #close()} stops the reader and waits for it, so that the source can be closed
 * after it and whatever the reader wrote (counts, problems) is visible to the consumer.
 *
 * @param <T> the elements
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    private static final Object END = new Object();

    /** What the source threw. */
    private record Failure(Throwable thrown) {}

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closed;
    private List<T> batch = List.of();
    private int position;
    private boolean ended;

    /**
     * @param source    read on the new thread only, from now until it ends or this is closed
     * @param batchSize elements handed over at a time
     * @param batches   batches read ahead at most
     * @param name      the reader thread's name
     */
    ReadAhead(Iterator<T> source, int batchSize, int batches, String name) {
        this.queue = new ArrayBlockingQueue<>(batches);
        this.reader = Thread.ofPlatform().daemon().name(name).start(() -> read(source, batchSize));
    }

    private void read(Iterator<T> source, int batchSize) {
        List<T> next = new ArrayList<>(batchSize);
        try {
            while (!closed && source.hasNext()) {
                next.add(source.next());
                if (next.size() == batchSize) {
                    hand(next);
                    next = new ArrayList<>(batchSize);
                }
            }
            hand(next);
            hand(END);
        } catch (Throwable t) { // handed to the consumer, who throws it after the elements read before it
            hand(next);
            hand(new Failure(t));
        }
    }

    /** Waits for room unless the consumer has gone; an empty batch is not handed over. */
    private void hand(Object o) {
        if (o instanceof List<?> l && l.isEmpty()) {
            return;
        }
        try {
            while (!closed) {
                if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        if (position < batch.size()) {
            return true;
        }
        if (ended) {
            return false;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        }
        if (o == END) {
            ended = true;
            return false;
        }
        if (o instanceof Failure f) {
            ended = true;
            switch (f.thrown()) {
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(f.thrown());
            }
        }
        batch = (List<T>) o;
        position = 0;
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(position++);
    }

    /** Stops the reader (after the element it is reading) and waits until it has. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
