package cn.yiyang.planning.importer.source;

import java.util.Iterator;

/**
 * An opened file: its description and a stream of its records. Reading is streaming — memory does
 * not grow with the file — and {@link #records()} may be called again to read from the start (the
 * importer reads once to analyse, once to load).
 */
public interface FeatureSource extends AutoCloseable {

    SourceDescription describe();

    /** The records, in file order. Per-record problems come in {@link SourceRecord#problem()}. */
    Iterator<SourceRecord> records();

    /** Releases files and temporary folders (an unpacked zip). */
    @Override
    void close();
}
