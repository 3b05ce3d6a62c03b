package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.feature.InvalidFeatureException;
import cn.yiyang.planning.app.map.FeatureClickEvent;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Records a road inspection (通返不通巡查, a layer without geometry) from a road clicked on the map, without a file:
 * a "记录巡查" button for the clicked road opens the inspection form with the road's code and today's date filled
 * in; the user adds the status and the cause and saves it through the write path. For a segment of a route (路线编码)
 * a checkbox names the whole route instead (the register applies it to the route's segments, or the stake's).
 */
class InspectionRecorder extends Div {

    private final PlanningMap map;
    private final MapEditService service;
    private final AppUser user;
    private final Locale locale;
    private final LayerDef inspections;
    private final Button record = new Button();
    private final Span done = new Span();
    private String roadCode;
    /** The clicked segment's route (路线编码), or null. */
    private String routeCode;
    /** The open dialog's form (tests). */
    private FeatureForm form;

    InspectionRecorder(PlanningMap map, MapEditService service, AppUser user, Locale locale) {
        this.map = map;
        this.service = service;
        this.user = user;
        this.locale = locale;
        this.inspections = service.layer(LayerIds.ROAD_INSPECTION);
        setId("edit-inspection");
        record.setId("edit-inspect");
        record.addThemeVariants(ButtonVariant.LUMO_SMALL);
        record.addClickListener(e -> open());
        record.setVisible(false);
        done.setId("edit-inspection-done");
        add(record, done);
        if (service.mayWrite(user, inspections)) {
            map.addFeatureClickListener(this::clicked);
        }
    }

    /** Whether the user may record inspections. */
    boolean available() {
        return service.mayWrite(user, inspections);
    }

    private void clicked(FeatureClickEvent e) {
        roadCode = null;
        routeCode = null;
        if (map.getEditingLayer().isEmpty()) {
            Map<String, Object> road = e.getHits().stream()
                    .filter(h -> LayerIds.ROAD.equals(h.layer()) && h.id() != null)
                    .findFirst()
                    .map(h -> attributes(h.id()))
                    .orElse(Map.of());
            roadCode = text(road.get(service.layer(LayerIds.ROAD).keyField()));
            routeCode = text(road.get("route_code"));
        }
        record.setVisible(roadCode != null);
        record.setText(roadCode == null ? "" : getTranslation("edit.inspect", roadCode));
    }

    private Map<String, Object> attributes(long roadId) {
        return service.get(user, LayerIds.ROAD, roadId).attributes();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Opens the form for the clicked road (tests call it after a click). */
    void open() {
        if (roadCode == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("edit-inspection-dialog");
        dialog.setHeaderTitle(getTranslation("edit.inspect.title", roadCode));
        form = new FeatureForm(inspections, locale, service);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("road_code", roadCode);
        values.put("inspected_on", LocalDate.now(Region.TIME_ZONE));
        form.setValues(values, service);
        if (routeCode != null) {
            // the inspection may name the whole route: the register applies it to every segment (or to the stake's)
            Checkbox wholeRoute = new Checkbox(getTranslation("edit.inspect.whole-route", routeCode));
            wholeRoute.setId("edit-inspection-whole-route");
            wholeRoute.addValueChangeListener(e -> {
                Map<String, Object> now = new LinkedHashMap<>(form.values());
                now.put("road_code", e.getValue() ? routeCode : roadCode);
                form.setValues(now, service);
            });
            dialog.add(wholeRoute);
        }
        Button save = new Button(getTranslation("edit.save"), e -> save(dialog));
        save.setId("edit-inspection-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("edit.cancel"), e -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void save(Dialog dialog) {
        try {
            service.insert(user, inspections, form.values(), null, locale);
            dialog.close();
            done.setText(getTranslation("edit.inspect.saved", roadCode));
        } catch (InvalidFeatureException ex) {
            form.showProblems(ex.problems(locale));
        } catch (ProblemException ex) {
            done.setText(getTranslation(ex.messageKey(), ex.arguments(locale)));
        }
    }

    FeatureForm form() {
        return form;
    }
}
