package cn.yiyang.planning.app.table;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many features of the main layers lie in the drill-down's unit (the city, a county, a township
 * or a village): villages, natural villages, households, roads, and the facilities of each theme.
 * Counted by the same scope as the attribute table (code prefix, else the unit's extent).
 */
public class UnitStatistics extends Div {

    /** The layers counted, in display order. */
    static final List<String> LAYERS = List.of(
            LayerIds.VILLAGE,
            LayerIds.NATURAL_VILLAGE,
            LayerIds.HOUSEHOLD,
            LayerIds.ROAD,
            LayerIds.BUS_STOP,
            LayerIds.WATER_WORK,
            LayerIds.SEWAGE_FACILITY,
            LayerIds.COLD_CHAIN_SITE,
            LayerIds.COURIER_POINT,
            LayerIds.VILLAGE_PLAN);

    private final FeatureTableService tables;
    private final Locale locale;
    /** Whose counts: the features of the user's counties. */
    private final AppUser user;

    private final H2 title = new H2();
    private final Div rows = new Div();

    public UnitStatistics(FeatureTableService tables, Locale locale, AppUser user) {
        this.tables = tables;
        this.user = user;
        this.locale = locale;
        addClassName("map-unit-stats");
        setId("unit-stats");
        rows.addClassName("map-unit-stats-rows");
        add(title, rows);
    }

    /**
     * Shows the counts for a unit.
     *
     * @param scopeCode the unit's NBS code, or null for the whole city
     * @param unitName  the unit's name, for the heading
     */
    public void show(String scopeCode, String unitName) {
        title.setText(getTranslation("map.stats.title", unitName));
        rows.removeAll();
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        TableQuery scope = new TableQuery(Map.of(), null, scopeCode, null, true);
        for (String id : LAYERS) {
            LayerDef layer = tables.layer(user, id);
            Span label = new Span("en".equals(locale.getLanguage()) ? layer.titleEn() : layer.titleZh());
            label.addClassName("map-unit-stats-label");
            Span value = new Span(numbers.format(tables.count(user, id, scope)));
            value.addClassName("map-unit-stats-value");
            value.setId("unit-stats-" + id);
            Div row = new Div(label, value);
            row.addClassName("map-unit-stats-row");
            rows.add(row);
        }
    }
}
