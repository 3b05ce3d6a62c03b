package cn.yiyang.planning.app.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.shared.Registration;

/**
 * A typed Java API over the {@code <indicator-choropleth>} element of {@code map-client/src/dashboard.js}: units
 * filled by class, a legend, and a click on a unit to drill down. The element sets its {@code drawn} attribute when
 * it has drawn what it was given.
 */
@Tag("indicator-choropleth")
@JavaScript("context://map/dashboard.js")
@StyleSheet("context://map/dashboard.css")
public class Choropleth extends Component {

    /** A click on a unit. */
    @DomEvent("unit-click")
    public static class UnitClick extends ComponentEvent<Choropleth> {
        private final String code;

        public UnitClick(Choropleth source, boolean fromClient, @EventData("event.detail.code") String code) {
            super(source, fromClient);
            this.code = code;
        }

        /** @return the unit's code */
        public String code() {
            return code;
        }
    }

    /**
     * Shows the units.
     *
     * @param json {@code {"type":"FeatureCollection","features":[…]} } in lon/lat with properties {@code code, name,
     *     label, color}, and {@code legend: [{label, color}]}
     */
    public void show(String json) {
        getElement().setProperty("data", json);
    }

    /** @return the data last shown */
    public String data() {
        return getElement().getProperty("data");
    }

    /** Listens for clicks on units. */
    public Registration addUnitClickListener(ComponentEventListener<UnitClick> l) {
        return addListener(UnitClick.class, l);
    }
}
