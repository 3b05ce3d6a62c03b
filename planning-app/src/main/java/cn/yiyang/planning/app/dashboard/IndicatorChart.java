package cn.yiyang.planning.app.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * A typed Java API over the {@code <indicator-chart>} element of {@code map-client/src/dashboard.js}: an Apache ECharts
 * chart of the option the server builds (labels already in the page's language). The element sets its {@code drawn}
 * attribute when it has drawn.
 */
@Tag("indicator-chart")
@JavaScript("context://map/dashboard.js")
public class IndicatorChart extends Component {

    /** Draws the chart of an ECharts option (JSON). */
    public void show(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

    /** @return the option last shown */
    public String option() {
        return getElement().getProperty("option");
    }
}
