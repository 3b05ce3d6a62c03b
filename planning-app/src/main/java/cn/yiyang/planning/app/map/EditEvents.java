package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of the map's editing session (see {@link PlanningMap#startEditing}). A feature of the session has a
 * key: its store id as text, or {@code n1}, {@code n2} … for a feature drawn (or split off) in the session.
 */
public final class EditEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EditEvents() {}

    /** Reads a GeoJSON geometry (lon/lat) the element sent, in EPSG:4490; null for null or blank text. */
    static Geometry geometry(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            Geometry g = new GeoJsonReader().read(json);
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a GeoJSON geometry", e);
        }
    }

    /** The user selected a feature of the session (or none: key null). */
    @DomEvent("edit-select")
    public static class Select extends ComponentEvent<PlanningMap> {
        private final String key;
        private final Long id;
        private final String copyOf;

        public Select(
                PlanningMap source,
                boolean fromClient,
                @EventData("event.detail.key") String key,
                @EventData("event.detail.id") Double id,
                @EventData("event.detail.copyOf") String copyOf) {
            super(source, fromClient);
            this.key = key;
            this.id = id == null ? null : id.longValue();
            this.copyOf = copyOf;
        }

        /** The feature's key, or null when nothing is selected. */
        public String getKey() {
            return key;
        }

        /** The store id, or null for a new feature. */
        public Long getId() {
            return id;
        }

        /** For a part split off a feature: that feature's key (its attributes are the part's), else null. */
        public String getCopyOf() {
            return copyOf;
        }
    }

    /** A stored feature is changed or selected for the first time in the session. */
    @DomEvent("edit-touch")
    public static class Touch extends ComponentEvent<PlanningMap> {
        private final String key;
        private final long id;

        public Touch(
                PlanningMap source,
                boolean fromClient,
                @EventData("event.detail.key") String key,
                @EventData("event.detail.id") double id) {
            super(source, fromClient);
            this.key = key;
            this.id = (long) id;
        }

        public String getKey() {
            return key;
        }

        public long getId() {
            return id;
        }
    }

    /** A step was done, undone or redone. */
    @DomEvent("edit-change")
    public static class Change extends ComponentEvent<PlanningMap> {
        private final boolean canUndo;
        private final boolean canRedo;
        private final int changes;

        public Change(
                PlanningMap source,
                boolean fromClient,
                @EventData("event.detail.canUndo") boolean canUndo,
                @EventData("event.detail.canRedo") boolean canRedo,
                @EventData("event.detail.changes") int changes) {
            super(source, fromClient);
            this.canUndo = canUndo;
            this.canRedo = canRedo;
            this.changes = changes;
        }

        public boolean canUndo() {
            return canUndo;
        }

        public boolean canRedo() {
            return canRedo;
        }

        /** How many features differ from their stored state (geometry, insertions, deletions). */
        public int getChanges() {
            return changes;
        }
    }

    /** The user drew a line across a polygon: the server splits it and answers with {@link PlanningMap#applySplit}. */
    @DomEvent("edit-split")
    public static class Split extends ComponentEvent<PlanningMap> {
        private final String key;
        private final Geometry polygon;
        private final Geometry line;

        public Split(
                PlanningMap source,
                boolean fromClient,
                @EventData("event.detail.key") String key,
                @EventData("event.detail.geometryJson") String geometryJson,
                @EventData("event.detail.lineJson") String lineJson) {
            super(source, fromClient);
            this.key = key;
            this.polygon = geometry(geometryJson);
            this.line = geometry(lineJson);
        }

        public String getKey() {
            return key;
        }

        /** The polygon as the session has it now (possibly edited). */
        public Geometry getPolygon() {
            return polygon;
        }

        public Geometry getLine() {
            return line;
        }
    }

    /** The user picked two polygons to merge: the server merges them and answers with {@link PlanningMap#applyMerge}. */
    @DomEvent("edit-merge")
    public static class Merge extends ComponentEvent<PlanningMap> {
        private final String keep;
        private final String remove;
        private final Geometry a;
        private final Geometry b;

        public Merge(
                PlanningMap source,
                boolean fromClient,
                @EventData("event.detail.keep") String keep,
                @EventData("event.detail.remove") String remove,
                @EventData("event.detail.aJson") String aJson,
                @EventData("event.detail.bJson") String bJson) {
            super(source, fromClient);
            this.keep = keep;
            this.remove = remove;
            this.a = geometry(aJson);
            this.b = geometry(bJson);
        }

        /** The feature that keeps the merged shape (picked first). */
        public String getKeep() {
            return keep;
        }

        /** The feature deleted by the merge. */
        public String getRemove() {
            return remove;
        }

        public Geometry getA() {
            return a;
        }

        public Geometry getB() {
            return b;
        }
    }

    /** A tool could not act, e.g. {@code line_does_not_cross}. */
    @DomEvent("edit-refused")
    public static class Refused extends ComponentEvent<PlanningMap> {
        private final String reason;

        public Refused(PlanningMap source, boolean fromClient, @EventData("event.detail.reason") String reason) {
            super(source, fromClient);
            this.reason = reason;
        }

        public String getReason() {
            return reason;
        }
    }

    /** The session's changes, asked for by {@link PlanningMap#requestEditSave()}. */
    @DomEvent("edit-save")
    public static class Save extends ComponentEvent<PlanningMap> {
        private static final TypeReference<List<JsonNode>> LIST = new TypeReference<>() {};
        private final List<GeometryChange> changes;

        public Save(PlanningMap source, boolean fromClient, @EventData("event.detail.changesJson") String changesJson) {
            super(source, fromClient);
            this.changes = JSON.readValue(changesJson, LIST).stream()
                    .map(n -> new GeometryChange(
                            GeometryChange.Op.valueOf(n.path("op").asString().toUpperCase(Locale.ROOT)),
                            n.path("key").asString(),
                            n.hasNonNull("id") ? n.get("id").asLong() : null,
                            n.hasNonNull("copyOf") ? n.get("copyOf").asString() : null,
                            n.hasNonNull("geometry")
                                    ? geometry(n.get("geometry").toString())
                                    : null))
                    .toList();
        }

        /** Save with these changes (tests, and callers that did not come through the element). */
        public Save(PlanningMap source, List<GeometryChange> changes) {
            super(source, false);
            this.changes = List.copyOf(changes);
        }

        public List<GeometryChange> getChanges() {
            return changes;
        }
    }

    /**
     * One change of the session's shapes.
     *
     * @param op       insert, update or delete
     * @param key      the feature's key in the session
     * @param id       the store id (update, delete), else null
     * @param copyOf   for an inserted part split off a feature: that feature's key, else null
     * @param geometry the new shape (insert, update), EPSG:4490
     */
    public record GeometryChange(Op op, String key, Long id, String copyOf, Geometry geometry) {
        /** What happens to the feature. */
        public enum Op {
            INSERT,
            UPDATE,
            DELETE
        }
    }
}
