package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.road.RoadRegisterView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Asks what a step needs before it is taken: the reason of a 退回修改, the document number, date and authority of a
 * 批复. The step is taken by {@code onConfirm}, which answers the messages to show when it was refused (the dialog
 * stays open with them, e.g. the gates' blockers) or an empty list when it was taken (the dialog closes).
 */
final class StepDialog extends Dialog {

    private final TextArea reason = new TextArea();
    private final TextField documentNumber = new TextField();
    private final DatePicker approvedOn = new DatePicker();
    private final TextField authority = new TextField();
    private final Div errors = new Div();

    StepDialog(PlanStep step, String planName, LocalDate today, Function<StepInput, List<String>> onConfirm) {
        setId("plan-step-dialog");
        addClassName("plan-step-dialog");
        setHeaderTitle(getTranslation("plans.step-dialog.title", step.title().in(getLocale()), planName));
        if (step == PlanStep.APPROVE) {
            add(new Paragraph(getTranslation("plans.step-dialog.approve-help")));
            documentNumber.setLabel(getTranslation("plans.field.document-number"));
            documentNumber.setId("plan-step-document-number");
            documentNumber.setRequired(true);
            documentNumber.setWidthFull();
            approvedOn.setLabel(getTranslation("plans.field.approved-on"));
            approvedOn.setId("plan-step-approved-on");
            approvedOn.setRequired(true);
            approvedOn.setMax(today);
            approvedOn.setValue(today);
            approvedOn.setLocale(getLocale());
            approvedOn.setI18n(RoadRegisterView.datePickerI18n(this, getLocale()));
            approvedOn.setWidthFull();
            authority.setLabel(getTranslation("plans.field.approving-authority"));
            authority.setId("plan-step-authority");
            authority.setRequired(true);
            authority.setWidthFull();
            add(documentNumber, approvedOn, authority);
        }
        reason.setLabel(getTranslation(
                step == PlanStep.RETURN ? "plans.step-dialog.reason-required" : "plans.step-dialog.reason"));
        reason.setId("plan-step-reason");
        reason.setRequired(step == PlanStep.RETURN);
        reason.setWidthFull();
        add(reason);
        errors.setId("plan-step-dialog-errors");
        errors.addClassName("plan-errors");
        add(errors);

        Button cancel = new Button(getTranslation("plans.cancel"), e -> close());
        cancel.setId("plan-step-cancel");
        Button confirm = new Button(step.title().in(getLocale()), e -> {
            List<String> problems = onConfirm.apply(new StepInput(
                    reason.getValue(), documentNumber.getValue(), approvedOn.getValue(), authority.getValue()));
            errors.removeAll();
            if (problems.isEmpty()) {
                close();
            } else {
                problems.forEach(p -> errors.add(new Paragraph(p)));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("plan-step-confirm");
        getFooter().add(cancel, confirm);
    }
}
