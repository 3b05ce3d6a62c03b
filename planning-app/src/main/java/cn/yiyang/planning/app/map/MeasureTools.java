package cn.yiyang.planning.app.map;

import cn.yiyang.planning.geo.measure.AreaUnit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Measure distance (m, km) and area (m², 亩, 公顷) on the map: buttons to start and stop, and the
 * result as the user draws.
 */
public class MeasureTools extends Div {

    private final PlanningMap map;
    private final Locale locale;
    private final Span result = new Span();

    public MeasureTools(PlanningMap map, Locale locale) {
        this.map = map;
        this.locale = locale;
        addClassName("map-measure-tools");
        setId("map-measure-tools");
        Button distance = new Button(getTranslation("map.measure.distance"), e -> start(MeasureKind.LENGTH));
        distance.setId("measure-distance");
        Button area = new Button(getTranslation("map.measure.area"), e -> start(MeasureKind.AREA));
        area.setId("measure-area");
        Button stop = new Button(getTranslation("map.measure.stop"), e -> {
            map.stopMeasure();
            result.setText("");
        });
        stop.setId("measure-stop");
        for (Button b : new Button[] {distance, area, stop}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        result.setId("measure-result");
        result.addClassName("map-measure-result");
        add(distance, area, stop, result);
        map.addMeasureListener(e -> result.setText(describe(e.getKind(), e.getValue())));
    }

    private void start(MeasureKind kind) {
        map.startMeasure(kind);
        result.setText(getTranslation("map.measure.hint"));
    }

    /** The measured value in words: metres or kilometres; square metres, 亩 and 公顷. */
    String describe(MeasureKind kind, double value) {
        if (kind == MeasureKind.LENGTH) {
            return value >= 1000
                    ? getTranslation("map.measure.length-km", number(value / 1000, 3))
                    : getTranslation("map.measure.length-m", number(value, 1));
        }
        return getTranslation(
                "map.measure.area-result",
                number(value, 0),
                number(value / AreaUnit.MU.squareMetres(), 2),
                number(value / AreaUnit.HECTARE.squareMetres(), 4));
    }

    private String number(double v, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v);
    }
}
