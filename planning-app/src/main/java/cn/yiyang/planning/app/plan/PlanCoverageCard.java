package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.access.IndicatorFormat;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * The village plan coverage rate for leaders, as the road-access cards show theirs: the city's rate for all,
 * key-support and demonstration villages against the target, and the rate of each county. Reads
 * {@link PlanCoverageService} when built; place it on a page (the plan register) with {@code add(new
 * PlanCoverageCard(coverage))}.
 */
public class PlanCoverageCard extends Div {

    /**
     * @param coverage the live coverage figures
     */
    public PlanCoverageCard(PlanCoverageService coverage) {
        setId("plan-coverage");
        H3 title = new H3(getTranslation("plan.coverage.title"));
        Div cards = new Div();
        cards.addClassName("access-cards");
        for (IndicatorValue v : coverage.indicators(UnitLevel.CITY, null, null)) {
            cards.add(card(v));
        }
        Grid<IndicatorValue> counties = new Grid<>();
        counties.setId("plan-coverage-counties");
        counties.addColumn(IndicatorValue::name).setHeader(getTranslation("plan.coverage.county"));
        counties.addColumn(IndicatorFormat::valueWithCounts).setHeader(getTranslation("plan.coverage.rate"));
        counties.addColumn(v -> IndicatorFormat.percent(v.target())).setHeader(getTranslation("plan.coverage.target"));
        counties.setItems(coverage.indicators(UnitLevel.COUNTY, null, UnitGroup.ALL));
        counties.setAllRowsVisible(true);
        add(title, cards, counties);
    }

    private Div card(IndicatorValue v) {
        Span title = new Span(keyed("access.group.", v.group().id()));
        title.addClassName("access-card-title");
        Span value = new Span(IndicatorFormat.percent(v.value()));
        value.addClassName("access-card-value");
        Span counts = new Span(String.format(Locale.ROOT, "%,d / %,d", v.numerator(), v.denominator()));
        counts.addClassName("access-card-counts");
        Span target = new Span(
                v.target() == null
                        ? getTranslation("access.no-target")
                        : getTranslation("access.target", IndicatorFormat.percent(v.target())));
        target.addClassName("access-card-target");
        Div card = new Div(title, value, counts, target);
        card.addClassName("access-card");
        Boolean meets = IndicatorFormat.meets(v);
        if (meets != null) {
            card.addClassName(meets ? "access-meets" : "access-below");
        }
        card.setId("plan-coverage-" + v.group().id());
        return card;
    }

    /** A key made of a prefix and an id (the group labels the road-access page uses). */
    private String keyed(String prefix, String id) {
        String key = prefix + id;
        return getTranslation(key);
    }
}
