package cn.yiyang.planning.importer.testsupport;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.job.SourceFactory;
import cn.yiyang.planning.importer.source.DetectedCrs;
import cn.yiyang.planning.importer.source.DetectedEncoding;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.FeatureSource;
import cn.yiyang.planning.importer.source.SourceDescription;
import cn.yiyang.planning.importer.source.SourceField;
import cn.yiyang.planning.importer.source.SourceFormat;
import cn.yiyang.planning.importer.source.SourceOptions;
import cn.yiyang.planning.importer.source.SourceRecord;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * An in-memory {@link FeatureSource} for tests: fields, rows (listed, or generated on demand so that
 * large files cost no memory), a detected CRS and encoding. Honours the user's options the way a
 * reader would (the CRS and encoding the user gives are reported as {@link Detection#USER}).
 */
public final class MemorySource implements FeatureSource {

    public static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final String fileName;
    private final List<SourceField> fields;
    private final List<SourceRecord> rows;
    private final LongFunction<SourceRecord> generator;
    private final long count;
    private final DetectedCrs crs;
    private final DetectedEncoding encoding;
    private final List<ImportIssue> issues;
    private final AtomicInteger opened = new AtomicInteger();

    private MemorySource(Builder b) {
        this.fileName = b.fileName;
        this.fields = List.copyOf(b.fields);
        this.rows = List.copyOf(b.rows);
        this.generator = b.generator;
        this.count = b.generator != null ? b.count : rows.size();
        this.crs = b.crs;
        this.encoding = b.encoding;
        this.issues = List.copyOf(b.issues);
    }

    public static Builder builder(String fileName) {
        return new Builder(fileName);
    }

    /** A factory that opens this source, applying the options as a reader would. */
    public SourceFactory factory() {
        return (files, names, options) -> withOptions(options);
    }

    /** How often the rows were read from the start. */
    public int passes() {
        return opened.get();
    }

    private MemorySource withOptions(SourceOptions options) {
        if (options.crs() == null && options.encoding() == null) {
            return this;
        }
        Builder b = new Builder(fileName);
        b.fields.addAll(fields);
        b.rows.addAll(rows);
        b.generator = generator;
        b.count = count;
        b.crs = options.crs() != null
                ? new DetectedCrs(options.crs(), Detection.USER, options.crs().code())
                : crs;
        b.encoding = options.encoding() != null ? new DetectedEncoding(options.encoding(), Detection.USER) : encoding;
        b.issues.addAll(issues.stream()
                .filter(i -> options.crs() == null || i.code() != IssueCode.CRS_INFERRED)
                .toList());
        return b.build();
    }

    @Override
    public SourceDescription describe() {
        Set<String> types = new HashSet<>();
        rows.stream()
                .limit(100)
                .filter(r -> r.geometry() != null)
                .forEach(r -> types.add(r.geometry().getGeometryType()));
        if (generator != null && count > 0 && generator.apply(1).geometry() != null) {
            types.add(generator.apply(1).geometry().getGeometryType());
        }
        return new SourceDescription(
                SourceFormat.GEOJSON,
                fileName,
                List.of(fileName),
                fileName,
                fields,
                count,
                encoding,
                crs,
                null,
                types,
                issues);
    }

    @Override
    public Iterator<SourceRecord> records() {
        opened.incrementAndGet();
        if (generator == null) {
            return rows.iterator();
        }
        return new Iterator<>() {
            private long row = 1;

            @Override
            public boolean hasNext() {
                return row <= count;
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return generator.apply(row++);
            }
        };
    }

    @Override
    public void close() {}

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader(GEOMETRIES).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Geometry point(double x, double y) {
        return GEOMETRIES.createPoint(new Coordinate(x, y));
    }

    /** A road line near 赫山区 in EPSG:4490, shifted east by {@code i} metres or so. */
    public static Geometry roadLine(long i) {
        double x = 112.35 + (i % 1000) * 0.00001;
        double y = 28.55 + (i / 1000) * 0.00001;
        return GEOMETRIES.createLineString(
                new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.001, y + 0.001)});
    }

    /** Fluent construction. */
    public static final class Builder {
        private final String fileName;
        private final List<SourceField> fields = new ArrayList<>();
        private final List<SourceRecord> rows = new ArrayList<>();
        private LongFunction<SourceRecord> generator;
        private long count;
        private DetectedCrs crs = new DetectedCrs(Crs.CGCS2000, Detection.DECLARED, "EPSG:4490");
        private DetectedEncoding encoding = new DetectedEncoding(Charset.forName("GBK"), Detection.DECLARED);
        private final List<ImportIssue> issues = new ArrayList<>();

        private Builder(String fileName) {
            this.fileName = fileName;
        }

        public Builder fields(String... names) {
            Arrays.stream(names).forEach(n -> fields.add(new SourceField(n, "text")));
            return this;
        }

        /** A row: alternating field names and values, in the order of {@link #fields}; row numbers count from 1. */
        public Builder row(Geometry geometry, Object... values) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                map.put(fields.get(i).name(), values[i]);
            }
            rows.add(new SourceRecord(rows.size() + 1, map, geometry, null));
            return this;
        }

        /** A record as a reader gives it, problem and all. */
        public Builder record(SourceRecord record) {
            rows.add(record);
            return this;
        }

        /** {@code count} rows made on demand. */
        public Builder generate(long count, LongFunction<SourceRecord> generator) {
            this.count = count;
            this.generator = generator;
            return this;
        }

        public Builder crs(Crs value, Detection how) {
            this.crs = new DetectedCrs(value, how, value == null ? null : value.code());
            return this;
        }

        public Builder encoding(Charset value, Detection how) {
            this.encoding = new DetectedEncoding(value, how);
            return this;
        }

        public Builder issue(ImportIssue issue) {
            issues.add(issue);
            return this;
        }

        public MemorySource build() {
            return new MemorySource(this);
        }
    }
}
