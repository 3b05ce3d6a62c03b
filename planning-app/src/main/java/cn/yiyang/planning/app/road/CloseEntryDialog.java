package cn.yiyang.planning.app.road;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.function.BiConsumer;

/**
 * The 销号 dialog: the date the road was passable again (not before the blocked date, not after today;
 * today by default) and a note. Confirm hands both to the page, which closes the entry and reports back
 * through {@link #showDateError} when the register refuses the date.
 */
final class CloseEntryDialog extends Dialog {

    private final DatePicker date = new DatePicker();
    private final TextArea note = new TextArea();
    private final Button confirm = new Button();

    CloseEntryDialog(RegisterEntry entry, LocalDate today, BiConsumer<LocalDate, String> onConfirm) {
        setId("road-register-close-dialog");
        addClassName("close-entry-dialog");
        setHeaderTitle(getTranslation(
                "road-register.dialog.title",
                entry.roadName() == null ? entry.roadCode() : entry.roadName() + " (" + entry.roadCode() + ")",
                entry.blockedOn().toString()));
        Paragraph about = new Paragraph(getTranslation(
                "road-register.dialog.about", entry.cause() == null ? "—" : entry.cause(), entry.daysOpen(today)));
        about.addClassName("close-entry-about");

        date.setLabel(getTranslation("road-register.dialog.date"));
        date.setId("road-register-close-date");
        date.setRequired(true);
        date.setMin(entry.blockedOn());
        date.setMax(today);
        date.setValue(today);
        date.setI18n(RoadRegisterView.datePickerI18n(this, getLocale()));
        date.setLocale(getLocale());
        date.setWidthFull();

        note.setLabel(getTranslation("road-register.dialog.note"));
        note.setId("road-register-close-note");
        note.setMaxLength(RoadRegisterService.MAX_NOTE);
        note.setWidthFull();

        add(about, date, note);

        Button cancel = new Button(getTranslation("road-register.dialog.cancel"), e -> close());
        cancel.setId("road-register-close-cancel");
        confirm.setText(getTranslation("road-register.dialog.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("road-register-close-confirm");
        confirm.addClickListener(e -> {
            if (date.getValue() == null || date.isInvalid()) {
                showDateError(getTranslation("road-register.dialog.date-required"));
                return;
            }
            onConfirm.accept(date.getValue(), note.getValue());
        });
        getFooter().add(cancel, confirm);
    }

    /** Marks the date as refused, with the reason. */
    void showDateError(String message) {
        date.setErrorMessage(message);
        date.setInvalid(true);
    }
}
