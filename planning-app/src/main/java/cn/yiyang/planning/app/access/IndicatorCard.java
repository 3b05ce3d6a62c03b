package cn.yiyang.planning.app.access;

import cn.yiyang.planning.layers.analysis.IndicatorValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * One indicator as a card: its title, the rate, the counts behind it and the target, marked as meeting the target or
 * below it ({@link IndicatorFormat#meets}). The road-access dashboard and the plan coverage card show their
 * indicators this way.
 */
public class IndicatorCard extends Div {

    /**
     * @param title the card's title, in the page's language
     * @param v     the indicator of one unit and group
     */
    public IndicatorCard(String title, IndicatorValue v) {
        Span heading = new Span(title);
        heading.addClassName("access-card-title");
        Span value = new Span(IndicatorFormat.value(v));
        value.addClassName("access-card-value");
        Span counts = new Span(String.format(Locale.ROOT, "%,d / %,d", v.numerator(), v.denominator()));
        counts.addClassName("access-card-counts");
        Span target = new Span(
                v.target() == null
                        ? getTranslation("access.no-target")
                        : getTranslation("access.target", IndicatorFormat.target(v)));
        target.addClassName("access-card-target");
        add(heading, value, counts, target);
        addClassName("access-card");
        Boolean meets = IndicatorFormat.meets(v);
        if (meets != null) {
            addClassName(meets ? "access-meets" : "access-below");
        }
    }
}
