package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void handsOverEveryElementInOrderAcrossBatches() {
        List<Integer> source = IntStream.range(0, 1000).boxed().toList();
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(source.iterator(), 7, 2, "test-read")) {
            ahead.forEachRemaining(read::add);
            assertThat(ahead.hasNext()).isFalse();
            assertThat(catchThrowable(ahead::next)).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(read).isEqualTo(source);
    }

    @Test
    void throwsWhatTheSourceThrewAfterTheElementsReadBeforeIt() {
        IllegalStateException stop = new IllegalStateException("rows rejected");
        Iterator<Integer> failing = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 5) {
                    throw stop;
                }
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(failing, 2, 2, "test-read")) {
            Throwable thrown = catchThrowable(() -> ahead.forEachRemaining(read::add));
            assertThat(thrown).isSameAs(stop);
            assertThat(ahead.hasNext()).isFalse();
        }
        assertThat(read).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void closingStopsTheReaderBeforeTheEndOfAnEndlessSource() {
        AtomicInteger produced = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return produced.getAndIncrement();
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(endless, 10, 2, "test-read");
        assertThat(ahead.next()).isEqualTo(0);
        ahead.close();
        int afterClose = produced.get();
        // at most the batches the queue holds, the one being filled and the one being handed over
        assertThat(afterClose).isLessThanOrEqualTo(10 * 4);
        assertThat(produced.get()).isEqualTo(afterClose);
    }
}
