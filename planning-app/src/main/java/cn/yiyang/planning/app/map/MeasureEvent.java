package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * The measured line or polygon changed or was finished: its length in metres or its area in square
 * metres (on the sphere, which is well within a metre at these distances for display).
 */
@DomEvent("measure")
public class MeasureEvent extends ComponentEvent<PlanningMap> {

    private final MeasureKind kind;
    private final double value;
    private final boolean done;

    public MeasureEvent(
            PlanningMap source,
            boolean fromClient,
            @EventData("event.detail.kind") String kind,
            @EventData("event.detail.value") double value,
            @EventData("event.detail.done") boolean done) {
        super(source, fromClient);
        this.kind = "area".equals(kind) ? MeasureKind.AREA : MeasureKind.LENGTH;
        this.value = value;
        this.done = done;
    }

    public MeasureKind getKind() {
        return kind;
    }

    /** Metres for a length, square metres for an area. */
    public double getValue() {
        return value;
    }

    /** Whether the user finished the drawing (else it is still being drawn). */
    public boolean isDone() {
        return done;
    }
}
