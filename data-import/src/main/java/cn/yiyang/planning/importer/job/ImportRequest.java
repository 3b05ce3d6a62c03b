package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.source.SourceOptions;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.Scope;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asked for. The uploaded files belong to the caller and must stay readable until the
 * job is settled and no longer {@link ImportJob#confirmable() confirmable}.
 *
 * @param layerId        the target layer
 * @param files          the uploaded files
 * @param fileNames      the names the user knows them by (the upload names), same order
 * @param options        encoding, CRS and table as the user gave them (null = detect)
 * @param mode           replace, append or upsert by key
 * @param fieldMap       source field → catalogue field, {@code EXTRA} or {@code IGNORE}; overrides the
 *                       proposed mapping for the fields it names
 * @param dryRun         analyse only: nothing is loaded
 * @param repairGeometry repair invalid geometries (make-valid) with a warning instead of rejecting them
 * @param rejectPolicy   what to do with rows that have errors
 * @param requestedBy    the user, for the record
 * @param scope          the counties the user may write ({@link Scope}): a row outside them is refused
 *                       ({@code OUTSIDE_SCOPE}), and a limited user cannot replace a layer (it would delete
 *                       other counties' features); {@link Scope#ALL} for every county
 */
public record ImportRequest(
        String layerId,
        List<Path> files,
        List<String> fileNames,
        SourceOptions options,
        LoadMode mode,
        Map<String, String> fieldMap,
        boolean dryRun,
        boolean repairGeometry,
        RejectPolicy rejectPolicy,
        String requestedBy,
        Scope scope) {

    public ImportRequest {
        scope = scope == null ? Scope.ALL : scope;
        Objects.requireNonNull(layerId, "layerId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        files = List.copyOf(files);
        fileNames = List.copyOf(fileNames);
        if (files.isEmpty() || files.size() != fileNames.size()) {
            throw new IllegalArgumentException("one name per file, and at least one file");
        }
        options = options == null ? SourceOptions.DETECT : options;
        mode = mode == null ? LoadMode.APPEND : mode;
        fieldMap = fieldMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fieldMap));
        rejectPolicy = rejectPolicy == null ? RejectPolicy.SKIP_INVALID : rejectPolicy;
    }

    /** The file name(s) for the record and the messages. */
    public String fileName() {
        return String.join(", ", fileNames);
    }

    /** Starts a request for a layer, by a user. */
    public static Builder builder(String layerId, String requestedBy) {
        return new Builder(layerId, requestedBy);
    }

    /** This request with the changes applied (what {@link ImportService#confirm} does). */
    public ImportRequest with(ImportChanges changes) {
        SourceOptions o = new SourceOptions(
                changes.encoding() != null ? changes.encoding() : options.encoding(),
                changes.crs() != null ? changes.crs() : options.crs(),
                changes.table() != null ? changes.table() : options.table());
        return new ImportRequest(
                layerId,
                files,
                fileNames,
                o,
                changes.mode() != null ? changes.mode() : mode,
                changes.fieldMap() != null ? changes.fieldMap() : fieldMap,
                changes.dryRun() != null ? changes.dryRun() : dryRun,
                changes.repairGeometry() != null ? changes.repairGeometry() : repairGeometry,
                changes.rejectPolicy() != null ? changes.rejectPolicy() : rejectPolicy,
                requestedBy,
                scope);
    }

    /** This request by a user limited to {@code newScope}. */
    public ImportRequest within(Scope newScope) {
        return new ImportRequest(
                layerId,
                files,
                fileNames,
                options,
                mode,
                fieldMap,
                dryRun,
                repairGeometry,
                rejectPolicy,
                requestedBy,
                newScope);
    }

    /** Fluent construction; defaults: detect encoding/CRS/table, APPEND, no field map, SKIP_INVALID. */
    public static final class Builder {
        private final String layerId;
        private final String requestedBy;
        private final List<Path> files = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private Charset encoding;
        private Crs crs;
        private String table;
        private LoadMode mode = LoadMode.APPEND;
        private Map<String, String> fieldMap = Map.of();
        private boolean dryRun;
        private boolean repair;
        private RejectPolicy rejectPolicy = RejectPolicy.SKIP_INVALID;

        private Builder(String layerId, String requestedBy) {
            this.layerId = layerId;
            this.requestedBy = requestedBy;
        }

        /** An uploaded file and the name the user knows it by. */
        public Builder file(Path file, String name) {
            files.add(file);
            names.add(name);
            return this;
        }

        public Builder encoding(Charset encoding) {
            this.encoding = encoding;
            return this;
        }

        public Builder crs(Crs crs) {
            this.crs = crs;
            return this;
        }

        public Builder table(String table) {
            this.table = table;
            return this;
        }

        public Builder mode(LoadMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder fieldMap(Map<String, String> fieldMap) {
            this.fieldMap = fieldMap;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder repairGeometry(boolean repair) {
            this.repair = repair;
            return this;
        }

        public Builder rejectPolicy(RejectPolicy rejectPolicy) {
            this.rejectPolicy = rejectPolicy;
            return this;
        }

        public ImportRequest build() {
            return new ImportRequest(
                    layerId,
                    files,
                    names,
                    new SourceOptions(encoding, crs, table),
                    mode,
                    fieldMap,
                    dryRun,
                    repair,
                    rejectPolicy,
                    requestedBy,
                    Scope.ALL);
        }
    }
}
