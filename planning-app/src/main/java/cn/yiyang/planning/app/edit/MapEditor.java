package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.feature.InvalidFeatureException;
import cn.yiyang.planning.app.feature.StaleVersionException;
import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.map.EditEvents;
import cn.yiyang.planning.app.map.EditEvents.GeometryChange;
import cn.yiyang.planning.app.map.EditTool;
import cn.yiyang.planning.app.map.MapShape;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.map.PlanningMap.ProblemMarker;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.geo.edit.PolygonMerge;
import cn.yiyang.planning.geo.edit.PolygonSplit;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The editor beside the map: pick a layer the user may write, start a session, and use the tools (draw, modify
 * vertices, move, delete, split, merge; undo, redo; save, cancel) with snapping to the layer itself, villages,
 * townships and the constraint layers, each togglable. The attribute form of the selected feature is generated
 * from the catalogue ({@link FeatureForm}); problems of a save are shown at their fields and, for the shape, at
 * their place on the map; a stale save shows who changed the feature and when, keeps everything typed and offers
 * to take the other version or to overwrite it deliberately. Below it, {@link VersionCompare} shows an earlier
 * version of the selected feature beside the current one, and {@link InspectionRecorder} records a road
 * inspection from a clicked road.
 */
public class MapEditor extends Div {

    /** Features are loaded for editing and snapping only in views narrower than this (about 30 km). */
    static final double MAX_VIEW_DEGREES = 0.3;

    private final PlanningMap map;
    private final MapEditService service;
    private final AppUser user;
    private final Locale locale;
    private final Select<LayerDef> layerSelect = new Select<>();
    private final Button start = new Button();
    private final Div session = new Div();
    private final Map<EditTool, Button> tools = new LinkedHashMap<>();
    private final Button undo = new Button();
    private final Button redo = new Button();
    private final Div snapping = new Div();
    private final Span status = new Span();
    private final Div problems = new Div();
    private final Div conflict = new Div();
    private final Div formBox = new Div();
    private final VersionCompare versions;
    private EditSession edit;
    /** Whether the user may edit a layer or record inspections (else the editor has nothing to offer). */
    private final boolean useful;

    private FeatureForm form;
    private String selectedKey;
    private Envelope view;
    /** The shapes of the last save's changes, to place problems of a shape on the map. */
    private final Map<String, Geometry> savedShapes = new LinkedHashMap<>();
    /** The problems of the last save, by key: shown at the fields when the feature is selected. */
    private Map<String, List<InvalidFeatureException.Problem>> pendingProblems = Map.of();

    public MapEditor(PlanningMap map, MapEditService service, AppUser user, Locale locale) {
        this.map = map;
        this.service = service;
        this.user = user;
        this.locale = locale;
        this.versions = new VersionCompare(map, service, user, locale);
        addClassName("map-editor");
        setId("map-editor");
        List<LayerDef> layers = service.editableLayers(user);
        layerSelect.setId("edit-layer");
        layerSelect.setLabel(getTranslation("edit.layer"));
        layerSelect.setItems(layers);
        layerSelect.setItemLabelGenerator(l -> l == null ? "" : AttributeFormat.title(l, locale));
        if (!layers.isEmpty()) {
            layerSelect.setValue(layers.getFirst());
        }
        start.setText(getTranslation("edit.start"));
        start.setId("edit-start");
        start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start(layerSelect.getValue()));
        status.setId("edit-status");
        status.addClassName("edit-status");
        problems.setId("edit-problems");
        conflict.setId("edit-conflict");
        conflict.setVisible(false);
        formBox.setId("edit-form");
        session.setId("edit-session");
        session.add(toolbar(), snapping, status, conflict, problems, formBox, versions);
        session.setVisible(false);
        Div choose = new Div(layerSelect, start);
        choose.addClassName("edit-choose");
        InspectionRecorder inspections = new InspectionRecorder(map, service, user, locale);
        useful = !layers.isEmpty() || inspections.available();
        add(choose, session, inspections);
        // a user who may edit no layer still records nothing here; the inspection recorder decides for itself
        choose.setVisible(!layers.isEmpty());
        listen();
    }

    private Div toolbar() {
        Div bar = new Div();
        bar.setId("edit-toolbar");
        bar.addClassName("edit-toolbar");
        for (EditTool tool : EditTool.values()) {
            String name = tool.clientName();
            Button b = button("edit-tool-" + name, "edit.tool." + name, e -> useTool(tool));
            tools.put(tool, b);
            bar.add(b);
        }
        undo.setId("edit-undo");
        undo.setText(getTranslation("edit.undo"));
        undo.setTooltipText(getTranslation("edit.undo.tip"));
        undo.addClickListener(e -> map.undoEdit());
        redo.setId("edit-redo");
        redo.setText(getTranslation("edit.redo"));
        redo.setTooltipText(getTranslation("edit.redo.tip"));
        redo.addClickListener(e -> map.redoEdit());
        undo.setEnabled(false);
        redo.setEnabled(false);
        Button save = button("edit-save", "edit.save", e -> map.requestEditSave());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = button("edit-cancel", "edit.cancel", e -> stop());
        Button help = button("edit-help", "edit.help", e -> {});
        Popover popover = new Popover();
        popover.setTarget(help);
        popover.add(new Span(getTranslation("edit.help.text")));
        popover.addClassName("edit-help-popover");
        bar.add(undo, redo, save, cancel, help, popover);
        for (Button b : List.of(undo, redo)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return bar;
    }

    private Button button(String id, String key, ComponentEventListener<ClickEvent<Button>> listener) {
        Button b = new Button(getTranslation(key), listener);
        b.setId(id);
        b.setTooltipText(getTranslation(key + ".tip"));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void listen() {
        map.addViewChangeListener(e -> {
            view = e.getExtent();
            if (edit != null) {
                load();
            }
        });
        map.addEditListener(EditEvents.Touch.class, e -> {
            if (edit != null) {
                touch(e.getKey(), e.getId());
            }
        });
        map.addEditListener(EditEvents.Select.class, e -> {
            if (edit != null) {
                select(e.getKey(), e.getId(), e.getCopyOf());
            }
        });
        map.addEditListener(EditEvents.Change.class, e -> {
            undo.setEnabled(e.canUndo());
            redo.setEnabled(e.canRedo());
        });
        map.addEditListener(EditEvents.Split.class, e -> split(e.getKey(), e.getPolygon(), e.getLine()));
        map.addEditListener(EditEvents.Merge.class, e -> merge(e));
        map.addEditListener(EditEvents.Refused.class, e -> say(refusal(e.getReason())));
        map.addEditListener(EditEvents.Save.class, e -> save(e.getChanges()));
    }

    // ---- the session ---------------------------------------------------------------------------

    /** Starts editing {@code layer}: its features of the view become editable, snapping to all snap layers. */
    public void start(LayerDef layer) {
        if (layer == null || !service.mayWrite(user, layer)) {
            return;
        }
        edit = new EditSession(layer);
        map.startEditing(layer.id(), layer.geometry());
        session.setVisible(true);
        start.setEnabled(false);
        layerSelect.setEnabled(false);
        tools.get(EditTool.SPLIT).setVisible(layer.geometry().name().contains("POLYGON"));
        tools.get(EditTool.MERGE).setVisible(layer.geometry().name().contains("POLYGON"));
        snapToggles(layer);
        useTool(EditTool.SELECT);
        showForm(null);
        say(getTranslation("edit.started", AttributeFormat.title(layer, locale)));
        load();
    }

    /** Ends the session, dropping what was not saved. */
    public void stop() {
        if (edit != null) {
            map.stopEditing();
        }
        edit = null;
        session.setVisible(false);
        start.setEnabled(true);
        layerSelect.setEnabled(true);
        conflict.setVisible(false);
        problems.removeAll();
        versions.clear();
        showForm(null);
    }

    /** Whether the user may edit any layer here or record road inspections. */
    public boolean isUseful() {
        return useful;
    }

    /** The session, if one is open (tests). */
    EditSession session() {
        return edit;
    }

    /** The form of the selected feature, or null (tests). */
    public FeatureForm form() {
        return form;
    }

    private void snapToggles(LayerDef layer) {
        snapping.removeAll();
        snapping.addClassName("edit-snapping");
        snapping.add(new Span(getTranslation("edit.snap")));
        List<String> ids = new ArrayList<>();
        ids.add(layer.id());
        MapEditService.SNAP_LAYERS.stream().filter(id -> !id.equals(layer.id())).forEach(ids::add);
        for (String id : ids) {
            Checkbox box = new Checkbox(AttributeFormat.title(service.layer(id), locale), true);
            box.setId("edit-snap-" + id);
            box.addValueChangeListener(e -> {
                map.setSnapping(id, e.getValue());
                if (e.getValue() && !id.equals(layer.id())) {
                    loadSnap(id);
                }
            });
            snapping.add(box);
        }
    }

    /** Loads the view's features to edit and to snap to. */
    private void load() {
        Envelope extent = view != null ? view : map.getLastFit().orElse(null);
        if (extent == null || edit == null) {
            return;
        }
        if (extent.getWidth() > MAX_VIEW_DEGREES) {
            // a county or the city at once is no scale to edit at, and would load thousands of shapes per pan
            say(getTranslation("edit.zoom-in", MapEditService.FEATURE_LIMIT));
            return;
        }
        List<MapShape> features = service.inView(user, edit.layer().id(), extent);
        map.setEditFeatures(features);
        if (features.size() >= MapEditService.FEATURE_LIMIT) {
            say(getTranslation("edit.zoom-in", MapEditService.FEATURE_LIMIT));
        }
        snapping.getChildren()
                .filter(c -> c instanceof Checkbox box && box.getValue())
                .map(c -> c.getId().orElse("").substring("edit-snap-".length()))
                .filter(id -> !id.equals(edit.layer().id()))
                .forEach(this::loadSnap);
    }

    private void loadSnap(String layerId) {
        Envelope extent = view != null ? view : map.getLastFit().orElse(null);
        if (extent != null && edit != null && extent.getWidth() <= MAX_VIEW_DEGREES) {
            map.setSnapFeatures(layerId, service.inView(user, layerId, extent));
        }
    }

    private void useTool(EditTool tool) {
        map.setEditTool(tool);
        tools.forEach((t, b) -> {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (t == tool) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        String tip = "edit.tool." + tool.clientName() + ".tip";
        say(getTranslation(tip));
    }

    private void touch(String key, long id) {
        if (edit.base(key).isEmpty()) {
            edit.startFrom(key, service.get(user, edit.layer().id(), id));
        }
    }

    private void select(String key, Long id, String copyOf) {
        selectedKey = key;
        if (key != null) {
            edit.copyOf(key, copyOf);
            if (id != null) {
                touch(key, id);
            }
        }
        showForm(key);
        versions.show(edit.layer(), id);
    }

    private void showForm(String key) {
        formBox.removeAll();
        form = null;
        if (key == null || edit == null) {
            formBox.add(new Span(getTranslation("edit.select-hint")));
            return;
        }
        form = new FeatureForm(edit.layer(), locale, service);
        form.setValues(edit.values(key), service);
        form.onChange(() -> edit.typed(key, form.values()));
        Span title = new Span(
                edit.base(key).isPresent()
                        ? getTranslation(
                                "edit.feature", key, edit.base(key).get().version())
                        : getTranslation("edit.new-feature"));
        title.setId("edit-form-title");
        title.addClassName("edit-form-title");
        formBox.add(title, form);
        if (pendingProblems.containsKey(key)) {
            form.showProblems(pendingProblems.get(key));
        }
    }

    // ---- split and merge -----------------------------------------------------------------------

    private void split(String key, Geometry polygon, Geometry line) {
        switch (service.split(polygon, line)) {
            case PolygonSplit.Parts parts -> {
                map.applySplit(key, parts.parts());
                say(getTranslation("edit.split.done", parts.parts().size()));
            }
            case PolygonSplit.Refused refused -> say(refusal(refused.reason().code()));
        }
    }

    private void merge(EditEvents.Merge e) {
        switch (service.merge(e.getA(), e.getB())) {
            case PolygonMerge.Merged merged -> {
                map.applyMerge(e.getKeep(), e.getRemove(), merged.merged());
                say(getTranslation("edit.merge.done"));
            }
            case PolygonMerge.Refused refused -> say(refusal(refused.reason().code()));
        }
    }

    // ---- saving --------------------------------------------------------------------------------

    /**
     * Writes the session's changes: deletions, then updates (the shape and/or what was typed), then insertions,
     * each through the write path. What is refused stays in the session with its problems shown; what is stale
     * shows the conflict; the rest is stored.
     */
    void save(List<GeometryChange> changes) {
        if (edit == null) {
            return;
        }
        List<GeometryChange> all = new ArrayList<>(changes);
        for (String key : edit.typedKeys()) {
            if (all.stream().noneMatch(c -> c.key().equals(key))
                    && edit.base(key).isPresent()) {
                all.add(new GeometryChange(
                        GeometryChange.Op.UPDATE, key, edit.base(key).get().id(), null, null));
            }
        }
        all.sort(Comparator.comparing(GeometryChange::op, Comparator.comparingInt(op -> switch (op) {
            case DELETE -> 0;
            case UPDATE -> 1;
            case INSERT -> 2;
        })));
        // the attributes of a part split off a feature are that feature's as they are before anything is saved
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        all.forEach(c -> {
            edit.copyOf(c.key(), c.copyOf());
            values.put(c.key(), edit.values(c.key()));
        });
        Map<String, Long> saved = new LinkedHashMap<>();
        Map<String, List<InvalidFeatureException.Problem>> refused = new LinkedHashMap<>();
        List<InvalidFeatureException.Problem> warnings = new ArrayList<>();
        savedShapes.clear();
        for (GeometryChange c : all) {
            savedShapes.put(c.key(), c.geometry());
            try {
                Long id = write(c, values.get(c.key()), warnings);
                saved.put(c.key(), id);
                edit.saved(c.key());
            } catch (InvalidFeatureException ex) {
                refused.put(c.key(), ex.problems(locale));
            } catch (StaleVersionException ex) {
                edit.conflict(c.key());
            } catch (ProblemException ex) {
                refused.put(
                        c.key(),
                        List.of(new InvalidFeatureException.Problem(
                                null, ex.code(), getTranslation(ex.messageKey(), ex.arguments(locale)), null)));
            }
        }
        if (!saved.isEmpty()) {
            map.editSaved(saved);
        }
        report(saved.size(), refused, warnings);
    }

    /** One write; the stored id (a new feature's new id). */
    private Long write(GeometryChange c, Map<String, Object> values, List<InvalidFeatureException.Problem> warnings) {
        LayerDef layer = edit.layer();
        return switch (c.op()) {
            case DELETE -> {
                service.delete(user, layer, c.id(), version(c.key(), c.id()));
                yield c.id();
            }
            case UPDATE -> {
                SavedFeature w =
                        service.update(user, layer, c.id(), version(c.key(), c.id()), values, c.geometry(), locale);
                warnings.addAll(w.warnings());
                yield w.id();
            }
            case INSERT -> {
                SavedFeature w = service.insert(user, layer, values, c.geometry(), locale);
                warnings.addAll(w.warnings());
                yield w.id();
            }
        };
    }

    private long version(String key, long id) {
        touch(key, id);
        return edit.base(key).orElseThrow().version();
    }

    private void report(
            int savedCount,
            Map<String, List<InvalidFeatureException.Problem>> refused,
            List<InvalidFeatureException.Problem> warnings) {
        problems.removeAll();
        List<ProblemMarker> markers = new ArrayList<>();
        String first = null;
        for (Map.Entry<String, List<InvalidFeatureException.Problem>> r : refused.entrySet()) {
            first = first == null ? r.getKey() : first;
            for (InvalidFeatureException.Problem p : r.getValue()) {
                Div line = new Div(new Span(getTranslation("edit.problem", r.getKey(), label(p.field()), p.message())));
                line.addClassName("edit-problem");
                problems.add(line);
            }
            List<InvalidFeatureException.Problem> shape = r.getValue().stream()
                    .filter(p ->
                            p.field() == null || edit.layer().field(p.field()).isEmpty())
                    .toList();
            Geometry at = savedShapes.get(r.getKey()) != null
                    ? savedShapes.get(r.getKey())
                    : edit.base(r.getKey()).map(EditedFeature::geometry).orElse(null);
            markers.addAll(ProblemPlaces.of(at, shape));
        }
        warnings.forEach(w -> {
            Div line = new Div(new Span(getTranslation("edit.warning", w.message())));
            line.addClassName("edit-warning");
            problems.add(line);
            // a warning with a place of its own (a parcel's conflict with the 三区三线) is marked there too
            if (w.location() != null && w.location().size() == 2) {
                markers.add(new ProblemMarker(w.location().get(0), w.location().get(1), w.message()));
            }
        });
        map.setEditProblems(markers);
        if (first != null) {
            map.selectEdit(first);
            if (form != null && first.equals(selectedKey)) {
                form.showProblems(refused.get(first));
            }
            pendingProblems = new LinkedHashMap<>(refused);
        } else {
            pendingProblems = Map.of();
        }
        showConflict();
        say(getTranslation(
                "edit.saved", savedCount, refused.size() + edit.conflicts().size()));
    }

    private String label(String field) {
        return field == null
                ? getTranslation("edit.geometry")
                : edit.layer()
                        .field(field)
                        .map(f -> AttributeFormat.label(f, locale))
                        .orElse(getTranslation("edit.geometry"));
    }

    // ---- conflicts -----------------------------------------------------------------------------

    private void showConflict() {
        conflict.removeAll();
        if (edit.conflicts().isEmpty()) {
            conflict.setVisible(false);
            return;
        }
        String key = edit.conflicts().iterator().next();
        EditedFeature mine = edit.base(key).orElseThrow();
        EditedFeature theirs;
        try {
            theirs = service.get(user, edit.layer().id(), mine.id());
        } catch (ProblemException gone) {
            conflict.add(new Span(getTranslation("edit.conflict.deleted", key)));
            conflict.setVisible(true);
            return;
        }
        conflict.add(new ConflictNote(
                edit.layer(), mine, theirs, service.history(user, edit.layer().id(), mine.id()), locale));
        Button reload = new Button(getTranslation("edit.conflict.reload"), e -> takeTheirs(key, theirs));
        reload.setId("edit-conflict-reload");
        Button overwrite = new Button(getTranslation("edit.conflict.overwrite"), e -> overwrite(key, theirs));
        overwrite.setId("edit-conflict-overwrite");
        overwrite.addThemeVariants(ButtonVariant.LUMO_ERROR);
        conflict.add(new Div(reload, overwrite));
        conflict.setVisible(true);
        map.selectEdit(key);
    }

    /** Takes the other user's version: what this user typed and drew for the feature is dropped. */
    private void takeTheirs(String key, EditedFeature theirs) {
        edit.rebase(key, theirs);
        edit.dropTyped(key);
        map.revertEdit(key, theirs.geometry());
        if (key.equals(selectedKey)) {
            showForm(key);
        }
        showConflict();
        say(getTranslation("edit.conflict.reloaded"));
    }

    /** Overwrites deliberately: the edit is re-based on the other user's version and saved again, as typed. */
    private void overwrite(String key, EditedFeature theirs) {
        edit.rebase(key, theirs);
        map.requestEditSave();
    }

    /** Why a tool could not act, by the refusal's code (the keys are {@code edit.refused.<code>}). */
    private String refusal(String code) {
        String key = "edit.refused." + code;
        return getTranslation(key);
    }

    private void say(String text) {
        status.setText(text);
    }

    /** The status line (tests). */
    public String status() {
        return status.getText();
    }
}
