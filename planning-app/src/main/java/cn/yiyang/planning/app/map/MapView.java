package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.layer.LayerService;
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
 * The app's first page (inside the main layout): the map, full height, and a side panel with the
 * synthetic-data notice (when the store holds demo data), the layer switcher grouped by theme and
 * the attributes of the clicked feature. Opens on the extent of the county layer (else the
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

    public MapView(TileService tiles, LayerService layers, MapSettings settings) {
        this.tiles = tiles;
        this.locale = getLocale();
        addClassName("map-view");
        setSizeFull();
        getStyle().set("display", "flex").set("overflow", "hidden");

        map.setTianditu(settings.tiandituKey());
        for (LayerDef layer : tiles.tiledLayers()) {
            map.addLayer(tiles.mapLayer(layer, locale, VISIBLE_BY_DEFAULT.contains(layer.id())));
        }
        map.fitExtent(startExtent());
        map.addFeatureClickListener(this::showFeature);
        map.getStyle().set("flex", "1 1 auto").set("height", "100%").set("min-width", "0");

        add(sidePanel(settings, layers.holdsSyntheticData()), map);
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

    private Div sidePanel(MapSettings settings, boolean synthetic) {
        Div panel = new Div();
        panel.addClassName("map-side-panel");
        panel.getStyle().set("flex", "0 0 300px").set("height", "100%").set("overflow-y", "auto")
                .set("box-sizing", "border-box").set("padding", "12px 14px")
                .set("border-right", "1px solid #d9d6cc").set("background", "#fbfaf7")
                .set("font-size", "14px");

        if (synthetic) {
            Span banner = new Span(getTranslation("map.synthetic-data"));
            banner.addClassName("map-synthetic-banner");
            banner.getStyle().set("display", "block").set("padding", "6px 8px").set("margin-bottom", "8px")
                    .set("background", "#fff4d6").set("border", "1px solid #f0c36d").set("border-radius", "4px")
                    .set("color", "#6b4e00").set("font-size", "13px");
            panel.add(banner);
        }

        if (!settings.hasTianditu()) {
            Span note = new Span(getTranslation("map.basemap-none"));
            note.getStyle().set("display", "block").set("color", "#777").set("font-size", "12px")
                    .set("margin-bottom", "8px");
            panel.add(note);
        }

        H2 layersHeading = new H2(getTranslation("map.layers"));
        layersHeading.getStyle().set("font-size", "15px").set("margin", "8px 0 4px 0");
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
        infoHeading.getStyle().set("font-size", "15px").set("margin", "12px 0 4px 0");
        featureInfo.addClassName("map-feature-info");
        featureInfo.setText(getTranslation("map.click-hint"));
        featureInfo.getStyle().set("color", "#555");
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
        heading.getStyle().set("display", "block").set("font-weight", "bold").set("margin-bottom", "4px");
        featureInfo.add(heading);
        for (FieldDef field : layer.fields()) {
            Object value = e.getProperties().get(field.name());
            if (value == null) {
                continue;
            }
            Div row = new Div();
            row.addClassName("map-feature-attribute");
            Span label = new Span(TileService.english(locale) ? field.titleEn() : field.titleZh());
            label.getStyle().set("color", "#777").set("margin-right", "6px");
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
