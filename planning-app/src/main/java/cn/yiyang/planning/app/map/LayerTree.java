package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Theme;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The layer tree of the map page: the base-map choice (Tianditu vector, imagery or terrain, or
 * none), then the layers grouped by theme, each with a visibility box, an opacity slider, its style
 * variants where it has some, and its legend (drawn by the map with its own styles). Changes go
 * straight to the {@link PlanningMap}, which remembers them for the user.
 */
public class LayerTree extends Div {

    /** Style variants offered per layer, in the order of the map client's VARIANTS. */
    static final Map<String, List<String>> VARIANTS = Map.of(LayerIds.HOUSEHOLD, List.of("poverty", "water"));

    private final PlanningMap map;
    private final Locale locale;
    private final Map<String, Checkbox> switches = new LinkedHashMap<>();
    private final Map<String, Input> sliders = new LinkedHashMap<>();
    private final Map<String, Select<String>> variantSelects = new LinkedHashMap<>();
    private final Map<String, Div> legends = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, Div> heads = new LinkedHashMap<>();
    private final Map<String, LayerDef> defs = new LinkedHashMap<>();
    private RadioButtonGroup<Basemap> basemaps;

    public LayerTree(
            PlanningMap map, List<LayerDef> layers, Locale locale, boolean hasBasemap, Set<String> openThemesOf) {
        this.map = map;
        this.locale = locale;
        addClassName("map-layer-tree");
        setId("map-layer-tree");

        if (hasBasemap) {
            basemaps = new RadioButtonGroup<>(getTranslation("map.basemap"));
            basemaps.setItems(Basemap.values());
            basemaps.setItemLabelGenerator(b -> getTranslation(
                    switch (b) {
                        case NONE -> "map.basemap.none";
                        case VECTOR -> "map.basemap.vector";
                        case IMAGERY -> "map.basemap.imagery";
                        case TERRAIN -> "map.basemap.terrain";
                    }));
            basemaps.setValue(map.getBasemap());
            basemaps.setId("basemap-choice");
            basemaps.addClassName("map-basemap-choice");
            basemaps.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    map.setBasemap(e.getValue());
                }
            });
            add(basemaps);
        } else {
            Span note = new Span(getTranslation("map.basemap-none"));
            note.addClassName("map-note");
            add(note);
        }

        add(new H2(getTranslation("map.layers")));
        for (Theme theme : Theme.values()) {
            List<LayerDef> inTheme =
                    layers.stream().filter(l -> l.theme() == theme).toList();
            if (inTheme.isEmpty()) {
                continue;
            }
            Div rows = new Div();
            inTheme.forEach(l -> rows.add(row(l)));
            Details group = new Details(AttributeFormat.english(locale) ? theme.titleEn() : theme.titleZh(), rows);
            group.setOpened(inTheme.stream().anyMatch(l -> openThemesOf.contains(l.id())));
            group.addClassName("map-theme-" + theme.name().toLowerCase(Locale.ROOT));
            add(group);
        }
    }

    private Div row(LayerDef layer) {
        titles.put(layer.id(), AttributeFormat.title(layer, locale));
        Checkbox box = new Checkbox(AttributeFormat.title(layer, locale), map.isLayerVisible(layer.id()));
        box.setId("layer-" + layer.id());
        box.addValueChangeListener(e -> {
            map.setLayerVisible(layer.id(), e.getValue());
            legends.get(layer.id()).setVisible(e.getValue());
        });
        switches.put(layer.id(), box);

        Input opacity = new Input(ValueChangeMode.ON_CHANGE);
        opacity.setType("range");
        opacity.getElement().setAttribute("min", "0");
        opacity.getElement().setAttribute("max", "100");
        opacity.getElement().setAttribute("step", "5");
        opacity.getElement().setAttribute("title", getTranslation("map.opacity"));
        opacity.getElement().setAttribute("aria-label", getTranslation("map.opacity") + " " + titles.get(layer.id()));
        opacity.setValue(Integer.toString((int) Math.round(map.getLayerOpacity(layer.id()) * 100)));
        opacity.setId("opacity-" + layer.id());
        opacity.addClassName("map-layer-opacity");
        opacity.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                map.setLayerOpacity(layer.id(), percent(e.getValue()) / 100.0);
            }
        });
        sliders.put(layer.id(), opacity);

        Div head = new Div(box, opacity);
        head.addClassName("map-layer-head");
        heads.put(layer.id(), head);
        defs.put(layer.id(), layer);
        Div row = new Div(head);
        row.addClassName("map-layer-switch");

        List<String> variants = VARIANTS.get(layer.id());
        if (variants != null) {
            Select<String> variant = new Select<>();
            variant.setItems(variants);
            variant.setItemLabelGenerator(v -> variantLabel(layer.id(), v));
            variant.setValue(map.getLayerVariant(layer.id()).orElse(variants.getFirst()));
            variant.setAriaLabel(getTranslation("map.variant"));
            variant.setId("variant-" + layer.id());
            variant.addClassName("map-layer-variant");
            variant.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    map.setLayerVariant(layer.id(), e.getValue());
                }
            });
            variantSelects.put(layer.id(), variant);
            row.add(variant);
        }

        Div legend = new Div();
        legend.addClassName("map-legend");
        legend.setId("legend-" + layer.id());
        legend.setVisible(map.isLayerVisible(layer.id()));
        legends.put(layer.id(), legend);
        row.add(legend);
        return row;
    }

    /** The label of a style variant: key map.variant.{layer}.{variant}. */
    private String variantLabel(String layerId, String variant) {
        String key = "map.variant." + layerId + "." + variant;
        return getTranslation(key);
    }

    private static int percent(String value) {
        try {
            return Math.max(0, Math.min(100, (int) Math.round(Double.parseDouble(value))));
        } catch (NumberFormatException | NullPointerException e) {
            return 100;
        }
    }

    /** Shows the legends the map drew, one entry per style class, titled from the translations. */
    public void showLegends(Map<String, List<LegendEvent.Entry>> byLayer) {
        byLayer.forEach((id, entries) -> {
            Div legend = legends.get(id);
            if (legend == null) {
                return;
            }
            legend.removeAll();
            for (LegendEvent.Entry entry : entries) {
                String text = entry.key() == null ? titles.get(id) : getTranslation(entry.key());
                Image swatch = new Image(entry.image(), text);
                swatch.addClassName("map-legend-swatch");
                Span label = new Span(text);
                Div line = new Div(swatch, label);
                line.addClassName("map-legend-entry");
                legend.add(line);
            }
        });
    }

    /** Brings the controls in line with the map's state (after the user's choices were restored). */
    public void sync() {
        switches.forEach((id, box) -> {
            boolean visible = map.isLayerVisible(id);
            if (box.getValue() != visible) {
                box.setValue(visible);
            }
            legends.get(id).setVisible(visible);
        });
        sliders.forEach((id, s) -> s.setValue(Integer.toString((int) Math.round(map.getLayerOpacity(id) * 100))));
        variantSelects.forEach((id, s) -> map.getLayerVariant(id).ifPresent(s::setValue));
        if (basemaps != null) {
            basemaps.setValue(map.getBasemap());
        }
    }

    /** Ticks a layer's box (and so shows the layer). */
    public void show(String layerId) {
        Checkbox box = switches.get(layerId);
        if (box != null && !box.getValue()) {
            box.setValue(true);
        }
    }

    /**
     * Gives each layer the user may export a button that opens the export dialog.
     *
     * @param may  whether the user may export a layer
     * @param open opens the dialog for a layer
     */
    public void offerExport(Predicate<LayerDef> may, Consumer<LayerDef> open) {
        heads.forEach((id, head) -> {
            LayerDef layer = defs.get(id);
            if (!may.test(layer)) {
                return;
            }
            Button export = new Button(getTranslation("export.button"), e -> open.accept(layer));
            export.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            export.setId("export-" + id);
            export.addClassName("map-layer-export");
            export.getElement().setAttribute("title", getTranslation("export.title", titles.get(id)));
            head.add(export);
        });
    }
}
