package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.road.RoadRegisterView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A new plan for the register (新建规划): name, its villages (picked by county and township), compiling unit,
 * period, due date, code (blank: CZGH + the first village's code) and stage (未启动 or 编制中). The plan is made by
 * {@code onCreate}, which answers the messages to show when it was refused, or an empty list.
 */
final class NewPlanDialog extends Dialog {

    private final TextField name = new TextField();
    private final ComboBox<Place> county = new ComboBox<>();
    private final ComboBox<Place> township = new ComboBox<>();
    private final MultiSelectComboBox<Place> villages = new MultiSelectComboBox<>();
    private final TextField code = new TextField();
    private final TextField unit = new TextField();
    private final TextField period = new TextField();
    private final DatePicker due = new DatePicker();
    private final Select<String> status = new Select<>();
    private final Div errors = new Div();

    NewPlanDialog(PlanService plans, Function<NewPlan, List<String>> onCreate) {
        setId("plan-new-dialog");
        addClassName("plan-new-dialog");
        setHeaderTitle(getTranslation("plans.new.title"));
        name.setLabel(getTranslation("plans.field.name"));
        name.setId("plan-new-name");
        name.setRequired(true);
        county.setLabel(getTranslation("plans.filter.county"));
        county.setId("plan-new-county");
        county.setItems(plans.counties());
        county.setItemLabelGenerator(Place::name);
        township.setLabel(getTranslation("plans.filter.township"));
        township.setId("plan-new-township");
        township.setItemLabelGenerator(Place::name);
        county.addValueChangeListener(e -> {
            township.clear();
            township.setItems(
                    e.getValue() == null
                            ? List.of()
                            : plans.townships(e.getValue().code()));
        });
        villages.setLabel(getTranslation("plans.field.villages"));
        villages.setId("plan-new-villages");
        villages.setRequired(true);
        villages.setItemLabelGenerator(p -> p.name() + " " + p.code());
        township.addValueChangeListener(e -> {
            villages.clear();
            villages.setItems(
                    e.getValue() == null
                            ? List.of()
                            : plans.villages(e.getValue().code()));
        });
        code.setLabel(getTranslation("plans.field.code"));
        code.setHelperText(getTranslation("plans.new.code-help"));
        code.setId("plan-new-code");
        unit.setLabel(getTranslation("plans.field.compiling-unit"));
        unit.setId("plan-new-unit");
        period.setLabel(getTranslation("plans.field.period"));
        period.setId("plan-new-period");
        period.setPlaceholder(getTranslation("plans.new.period-placeholder"));
        due.setLabel(getTranslation("plans.field.due-on"));
        due.setId("plan-new-due");
        due.setLocale(getLocale());
        due.setI18n(RoadRegisterView.datePickerI18n(this, getLocale()));
        status.setLabel(getTranslation("plans.field.status"));
        status.setId("plan-new-status");
        status.setItems("not_started", "compiling");
        status.setItemLabelGenerator(s -> PlanLabels.status(s).in(getLocale()));
        status.setValue("not_started");
        errors.setId("plan-new-errors");
        errors.addClassName("plan-errors");
        Div form = new Div(name, county, township, villages, code, unit, period, due, status);
        form.addClassName("plan-new-form");
        add(form, errors);

        Button cancel = new Button(getTranslation("plans.cancel"), e -> close());
        cancel.setId("plan-new-cancel");
        Button create = new Button(getTranslation("plans.new.create"), e -> {
            List<String> problems = onCreate.apply(new NewPlan(
                    code.getValue(),
                    name.getValue(),
                    villages.getValue().stream()
                            .sorted(Comparator.comparing(Place::code))
                            .map(Place::code)
                            .toList(),
                    unit.getValue(),
                    period.getValue(),
                    due.getValue(),
                    status.getValue()));
            errors.removeAll();
            if (problems.isEmpty()) {
                close();
            } else {
                problems.forEach(p -> errors.add(new Paragraph(p)));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("plan-new-confirm");
        getFooter().add(cancel, create);
    }
}
