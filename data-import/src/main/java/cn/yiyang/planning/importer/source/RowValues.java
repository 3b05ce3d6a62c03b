package cn.yiyang.planning.importer.source;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The values of one row as a read-only map in column order, over the column names that every row of a source
 * shares: an array a row instead of a hash map of its own (a reader makes one a row, and the validator looks up
 * each mapped column in it).
 */
final class RowValues extends AbstractMap<String, Object> {

    /** A source's column names (distinct) and where each one is. */
    static final class Columns {
        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();

        Columns(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < this.names.size(); i++) {
                if (index.put(this.names.get(i), i) != null) {
                    throw new IllegalArgumentException("column named twice: " + this.names.get(i));
                }
            }
        }

        int size() {
            return names.size();
        }
    }

    private final Columns columns;
    private final Object[] values;

    /** @param values one a column, in column order (taken over, not copied) */
    RowValues(Columns columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        this.columns = columns;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer i = columns.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(columns.names.get(i), values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.names.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
