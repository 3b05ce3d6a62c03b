package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.catalogue.UnknownLayerException;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;

/**
 * The app's first page (inside the main layout, which says when the data are synthetic): the map,
 * full height, and a side panel with the layer switcher grouped by theme and the attributes of the
 * clicked feature. Opens on the extent of the county layer (else the
 * townships, villages, or Yiyang's approximate box).
 */
@Route("")
@PermitAll
public class MapView extends Div implements HasDynamicTitle {

    /** Layers shown when the page opens; the others are one click away. */
    static final Set<String> VISIBLE_BY_DEFAULT = Set.of("county", "township", "village", "road");
    /** Yiyang's approximate extent (110°43′–112°56′E, 27°58′–29°31′N), used while the store is empty. */
    static final Envelope YIYANG = new Envelope(110.72, 112.94, 27.97, 29.52);

    private final TileService tiles;
    private final PlanningMap map = new PlanningMap();
    private final Map<String, Checkbox> switches = new LinkedHashMap<>();
    private final Div featureInfo = new Div();
    private final Locale locale;

    public MapView(TileService tiles, MapSettings settings) {
        this.tiles = tiles;
        this.locale = getLocale();
        addClassName("map-view");
        setSizeFull();

        map.setTianditu(settings.tiandituKey());
        for (LayerDef layer : tiles.tiledLayers()) {
            map.addLayer(tiles.mapLayer(layer, locale, VISIBLE_BY_DEFAULT.contains(layer.id())));
        }
        map.fitExtent(startExtent());
        map.addFeatureClickListener(this::showFeature);
        map.addClassName("map-canvas");

        add(sidePanel(settings), map);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.page-title");
    }

    /** The map component (for tests and for views that embed this one). */
    PlanningMap map() {
        return map;
    }

    /** The layer switcher's checkbox for a layer. */
    Optional<Checkbox> layerSwitch(String layerId) {
        return Optional.ofNullable(switches.get(layerId));
    }

    Div featureInfo() {
        return featureInfo;
    }

    private Div sidePanel(MapSettings settings) {
        Div panel = new Div();
        panel.addClassName("map-side-panel");

        if (!settings.hasTianditu()) {
            Span note = new Span(getTranslation("map.basemap-none"));
            note.addClassName("map-note");
            panel.add(note);
        }

        H2 layersHeading = new H2(getTranslation("map.layers"));
        panel.add(layersHeading);
        for (Theme theme : Theme.values()) {
            List<LayerDef> inTheme = tiles.tiledLayers().stream().filter(l -> l.theme() == theme).toList();
            if (inTheme.isEmpty()) {
                continue;
            }
            Div boxes = new Div();
            for (LayerDef layer : inTheme) {
                Checkbox box = new Checkbox(TileService.title(layer, locale), map.isLayerVisible(layer.id()));
                box.setId("layer-" + layer.id());
                box.addValueChangeListener(e -> map.setLayerVisible(layer.id(), e.getValue()));
                switches.put(layer.id(), box);
                Div row = new Div(box);
                row.addClassName("map-layer-switch");
                boxes.add(row);
            }
            Details group = new Details(TileService.english(locale) ? theme.titleEn() : theme.titleZh(), boxes);
            group.setOpened(inTheme.stream().anyMatch(l -> VISIBLE_BY_DEFAULT.contains(l.id())));
            group.addClassName("map-theme-" + theme.name().toLowerCase(Locale.ROOT));
            panel.add(group);
        }

        H2 infoHeading = new H2(getTranslation("map.feature-info"));
        featureInfo.addClassName("map-feature-info");
        featureInfo.setText(getTranslation("map.click-hint"));
        panel.add(infoHeading, featureInfo);
        return panel;
    }

    private Envelope startExtent() {
        return Stream.of("county", "township", "village")
                .map(id -> tiles.extent(id).orElse(null))
                .filter(e -> e != null && !e.isNull())
                .findFirst()
                .orElse(YIYANG);
    }

    private void showFeature(FeatureClickEvent e) {
        featureInfo.removeAll();
        LayerDef layer;
        try {
            layer = tiles.tiledLayer(e.getLayerId());
        } catch (UnknownLayerException unknown) {
            return;
        }
        Span heading = new Span(TileService.title(layer, locale));
        heading.addClassName("map-feature-title");
        featureInfo.add(heading);
        for (FieldDef field : layer.fields()) {
            Object value = e.getProperties().get(field.name());
            if (value == null) {
                continue;
            }
            Div row = new Div();
            row.addClassName("map-feature-attribute");
            Span label = new Span(TileService.english(locale) ? field.titleEn() : field.titleZh());
            label.addClassName("map-feature-label");
            row.add(label, new Span(display(field, value)));
            featureInfo.add(row);
        }
    }

    private String display(FieldDef field, Object value) {
        if (field.type() == FieldType.BOOLEAN && value instanceof Boolean b) {
            return getTranslation(b ? "map.yes" : "map.no");
        }
        if (field.type() == FieldType.CODE) {
            return field.codeList().byValue(String.valueOf(value))
                    .map((Code c) -> TileService.english(locale) ? c.titleEn() : c.titleZh())
                    .orElse(String.valueOf(value));
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
