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

    private final IndicatorValue value;

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
                        ? getTranslation("analysis.no-target")
                        : getTranslation("analysis.target", IndicatorFormat.target(v)));
        target.addClassName("access-card-target");
        add(heading, value, counts, target);
        addClassName("access-card");
        this.value = v;
        Boolean meets = IndicatorFormat.meets(v);
        if (meets != null) {
            addClassName(meets ? "access-meets" : "access-below");
        }
    }

    /**
     * Adds the change since the previous run: percentage points for a rate, the difference for a count; "no change"
     * when equal. Nothing when either value is missing.
     *
     * @param previous the same indicator of the same unit and group in the previous run, or null
     * @return this card
     */
    public IndicatorCard withChange(IndicatorValue previous) {
        if (previous == null || previous.value() == null || value.value() == null) {
            return this;
        }
        double d = value.value() - previous.value();
        String text;
        if (Math.abs(d) < 1e-9) {
            text = getTranslation("analysis.change-none");
        } else if (value.indicator().count()) {
            text = getTranslation("analysis.change-count", String.format(Locale.ROOT, "%+,d", Math.round(d)));
        } else {
            text = getTranslation("analysis.change-points", String.format(Locale.ROOT, "%+.1f", d * 100));
        }
        Span change = new Span(text);
        change.addClassName("access-card-change");
        add(change);
        return this;
    }
}
