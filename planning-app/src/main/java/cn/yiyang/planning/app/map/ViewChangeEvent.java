package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import org.locationtech.jts.geom.Envelope;

/** The map stopped moving: centre, zoom and the visible box in longitude/latitude. */
@DomEvent("view-change")
public class ViewChangeEvent extends ComponentEvent<PlanningMap> {

    private final double lon;
    private final double lat;
    private final double zoom;
    private final Envelope extent;

    public ViewChangeEvent(
            PlanningMap source,
            boolean fromClient,
            @EventData("event.detail.lon") double lon,
            @EventData("event.detail.lat") double lat,
            @EventData("event.detail.zoom") double zoom,
            @EventData("event.detail.minx") double minx,
            @EventData("event.detail.miny") double miny,
            @EventData("event.detail.maxx") double maxx,
            @EventData("event.detail.maxy") double maxy) {
        super(source, fromClient);
        this.lon = lon;
        this.lat = lat;
        this.zoom = zoom;
        this.extent = new Envelope(minx, maxx, miny, maxy);
    }

    public double getLon() {
        return lon;
    }

    public double getLat() {
        return lat;
    }

    public double getZoom() {
        return zoom;
    }

    /** The visible box, longitude/latitude. */
    public Envelope getExtent() {
        return new Envelope(extent);
    }
}
