package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.map.MapLink;
import cn.yiyang.planning.app.map.OverlayFeature;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.map.TileService;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A plan's 多规合一 conflicts on a map, opened from the conflict list ("在地图上查看"): the parcels and the three
 * constraint layers, every overlap of the plan drawn over them (the chosen one in red, the others grey) and the map
 * on the chosen one; a link opens the map workspace there to fix the parcel.
 */
final class ConflictMapDialog extends Dialog {

    /** The layers under the overlaps: the plan's parcels and the 三区三线. */
    static final List<String> LAYERS = List.of(
            LayerIds.BASIC_FARMLAND,
            LayerIds.ECOLOGICAL_REDLINE,
            LayerIds.TOWN_DEVELOPMENT_BOUNDARY,
            LayerIds.PLAN_LAND_USE);

    /** Zoom to an overlap no deeper than this. */
    private static final int MAX_ZOOM = 18;

    private final PlanningMap map = new PlanningMap();

    /**
     * @param tiles  the tiled layers (null in tests without a tile server: only the overlaps are drawn)
     * @param all    the plan's conflicts
     * @param chosen the one to show
     */
    ConflictMapDialog(TileService tiles, List<PlanConflict> all, PlanConflict chosen) {
        setId("plan-conflict-map-dialog");
        addClassName("plan-conflict-map-dialog");
        setHeaderTitle(getTranslation(
                "plan.conflict.map-title",
                chosen.parcelId(),
                chosen.conflict().landUseCode(),
                ParcelRule.number(chosen.conflict().area().squareMetres()),
                ParcelRule.number(chosen.conflict().area().mu())));
        if (tiles != null) {
            LAYERS.forEach(id -> map.addLayer(tiles.mapLayer(tiles.tiledLayer(id), getLocale(), true)));
        }
        map.setId("plan-conflict-map");
        map.addClassName("plan-conflict-map");
        map.setOverlay(all.stream()
                .map(c -> new OverlayFeature(
                        c.conflict().overlap(),
                        c.key().equals(chosen.key()) ? OverlayFeature.Tone.ALERT : OverlayFeature.Tone.MUTED))
                .toList());
        Envelope at = chosen.conflict().overlap().getEnvelopeInternal();
        map.fitExtent(at, MAX_ZOOM);
        add(map);

        Anchor open = new Anchor(MapLink.to(at, LayerIds.PLAN_LAND_USE), getTranslation("plan.conflict.open-map"));
        open.setId("plan-conflict-open-map");
        Button close = new Button(getTranslation("plan.conflict.map-close"), e -> close());
        close.setId("plan-conflict-map-close");
        getFooter().add(open, close);
    }

    /** The map inside. */
    PlanningMap map() {
        return map;
    }
}
