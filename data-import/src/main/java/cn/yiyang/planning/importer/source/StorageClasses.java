package cn.yiyang.planning.importer.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite storage classes of a row's values, selected with the row as a few integers (3 bits a column, 21
 * columns an integer), so that reading a value needs no second call into SQLite to ask its class first. SQL's
 * {@code typeof} gives the class of the value as stored, as {@code sqlite3_column_type} does before any conversion.
 */
final class StorageClasses {

    static final int NULL = 0;
    static final int INTEGER = 1;
    static final int REAL = 2;
    static final int TEXT = 3;
    static final int BLOB = 4;

    /** Columns described by one integer. */
    private static final int PER_WORD = 21;

    private StorageClasses() {}

    /** @return how many integers describe a row of this many columns */
    static int words(int columns) {
        return (columns + PER_WORD - 1) / PER_WORD;
    }

    /**
     * @param quotedColumns the columns, quoted for SQL
     * @return one SQL expression per {@link #words word}, in order
     */
    static List<String> expressions(List<String> quotedColumns) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < quotedColumns.size(); i++) {
            if (i % PER_WORD != 0) {
                word.append(" | ");
            }
            word.append("((CASE typeof(")
                    .append(quotedColumns.get(i))
                    .append(") WHEN 'integer' THEN ")
                    .append(INTEGER)
                    .append(" WHEN 'real' THEN ")
                    .append(REAL)
                    .append(" WHEN 'text' THEN ")
                    .append(TEXT)
                    .append(" WHEN 'blob' THEN ")
                    .append(BLOB)
                    .append(" ELSE ")
                    .append(NULL)
                    .append(" END) << ")
                    .append(3 * (i % PER_WORD))
                    .append(')');
            if (i % PER_WORD == PER_WORD - 1 || i == quotedColumns.size() - 1) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    /**
     * @param words  the row's integers, in order
     * @param column the column's position among the described columns, from 0
     * @return the class of its value: {@link #NULL}, {@link #INTEGER}, {@link #REAL}, {@link #TEXT} or {@link #BLOB}
     */
    static int of(long[] words, int column) {
        return (int) (words[column / PER_WORD] >>> (3 * (column % PER_WORD))) & 7;
    }
}
