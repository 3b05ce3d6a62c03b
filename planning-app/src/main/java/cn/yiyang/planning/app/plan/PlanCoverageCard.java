package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.access.IndicatorCard;
import cn.yiyang.planning.app.access.IndicatorFormat;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

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
        Div cards = new Div();
        cards.addClassName("access-cards");
        IndicatorValue all = null;
        for (IndicatorValue v : coverage.indicators(UnitLevel.CITY, null, null)) {
            cards.add(card(v));
            all = v.group() == UnitGroup.ALL ? v : all;
        }
        Grid<IndicatorValue> counties = new Grid<>();
        counties.setId("plan-coverage-counties");
        counties.addColumn(IndicatorValue::name).setHeader(getTranslation("plan.coverage.county"));
        counties.addColumn(IndicatorFormat::valueWithCounts).setHeader(getTranslation("plan.coverage.rate"));
        counties.addColumn(v -> IndicatorFormat.percent(v.target())).setHeader(getTranslation("plan.coverage.target"));
        counties.setItems(coverage.indicators(UnitLevel.COUNTY, null, UnitGroup.ALL));
        counties.setAllRowsVisible(true);
        // one line on the register page; the cards by group and the counties open below it
        Span headline = new Span(
                all == null
                        ? getTranslation("plan.coverage.title")
                        : getTranslation(
                                "plan.coverage.headline",
                                IndicatorFormat.valueWithCounts(all),
                                IndicatorFormat.percent(all.target())));
        headline.setId("plan-coverage-headline");
        Details details =
                new Details(headline, new Div(new H3(getTranslation("plan.coverage.title")), cards, counties));
        details.setId("plan-coverage-details");
        details.setOpened(false);
        add(details);
    }

    private Div card(IndicatorValue v) {
        Div card = new IndicatorCard(keyed("analysis.group.", v.group().id()), v);
        card.setId("plan-coverage-" + v.group().id());
        return card;
    }

    /** A key made of a prefix and an id (the group labels the road-access page uses). */
    private String keyed(String prefix, String id) {
        String key = prefix + id;
        return getTranslation(key);
    }
}
