package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.plan.BalanceService.PlanBalance;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A plan's 多规合一 conflicts for the plan page: parcel, class, constraint layer, overlap (m² and 亩) and the
 * approver's justification; approvers (and ADMIN) justify the selected conflict in a dialog; "show on map" hands the
 * selected conflict to the listeners (the page centres its map on {@link PlanConflict#location()}). Ids:
 * {@code plan-conflict-grid}, {@code plan-conflict-summary}, {@code plan-conflict-justify}, {@code plan-conflict-show},
 * and in the dialog {@code plan-conflict-text}, {@code plan-conflict-save}.
 */
public class ConflictPanel extends VerticalLayout {

    private final ConflictService conflicts;
    private final String planCode;
    private final AppUser user;
    private final Grid<PlanConflict> grid = new Grid<>();
    private final Span summary = new Span();
    private final Button justify = new Button();
    private final Button show = new Button();
    private final List<Consumer<PlanConflict>> showListeners = new ArrayList<>();

    /**
     * @param conflicts the conflict service
     * @param planCode the plan
     * @param user who looks; approvers and ADMIN may justify
     */
    public ConflictPanel(ConflictService conflicts, String planCode, AppUser user) {
        this.conflicts = conflicts;
        this.planCode = planCode;
        this.user = user;
        setId("plan-conflicts");
        setPadding(false);
        Locale locale = getLocale();
        boolean english = "en".equals(locale.getLanguage());
        grid.setId("plan-conflict-grid");
        grid.addColumn(PlanConflict::parcelId).setHeader(getTranslation("plan.conflict.parcel"));
        grid.addColumn(c -> c.conflict().landUseCode() + " "
                        + PlanBalance.label(c.conflict().landUseCode(), locale))
                .setHeader(getTranslation("plan.conflict.class"))
                .setAutoWidth(true);
        grid.addColumn(c -> english ? c.kind().messageEn() : c.kind().messageZh())
                .setHeader(getTranslation("plan.conflict.kind"))
                .setAutoWidth(true);
        grid.addColumn(c -> {
                    LayerDef layer = conflicts.constraintLayer(c);
                    String name = english ? layer.titleEn() : layer.titleZh();
                    return c.constraintId() == null ? name : name + " #" + c.constraintId();
                })
                .setHeader(getTranslation("plan.conflict.layer"))
                .setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%.1f", c.squareMetres()))
                .setHeader(getTranslation("plan.conflict.area-m2"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> String.format(Locale.ROOT, "%.2f", c.mu()))
                .setHeader(getTranslation("plan.conflict.area-mu"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> c.justified()
                        ? c.justification().text() + " (" + c.justification().justifiedBy() + ")"
                        : "")
                .setHeader(getTranslation("plan.conflict.justification"))
                .setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("plan.conflict.none"));
        grid.addSelectionListener(e -> buttons());

        summary.setId("plan-conflict-summary");
        justify.setId("plan-conflict-justify");
        justify.setText(getTranslation("plan.conflict.justify"));
        justify.setVisible(Permissions.allows(user, Action.justifyConflict()));
        justify.addClickListener(e -> selected().ifPresent(this::openDialog));
        show.setId("plan-conflict-show");
        show.setText(getTranslation("plan.conflict.show"));
        show.addClickListener(e -> selected().ifPresent(c -> showListeners.forEach(l -> l.accept(c))));
        add(summary, grid, new HorizontalLayout(justify, show));
        refresh();
    }

    /** Reads the plan's conflicts again (after a parcel save, say). */
    public final void refresh() {
        List<PlanConflict> found = conflicts.conflicts(user, planCode);
        grid.setItems(found);
        long open = found.stream().filter(c -> !c.justified()).count();
        summary.setText(getTranslation("plan.conflict.summary", found.size(), open));
        buttons();
    }

    /**
     * Called with the conflict the user wants to see on the map.
     *
     * @return removes the listener
     */
    public Runnable addShowListener(Consumer<PlanConflict> listener) {
        showListeners.add(listener);
        return () -> showListeners.remove(listener);
    }

    private Optional<PlanConflict> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void buttons() {
        boolean any = selected().isPresent();
        justify.setEnabled(any);
        show.setEnabled(any);
    }

    private void openDialog(PlanConflict conflict) {
        Dialog dialog = new Dialog();
        dialog.setId("plan-conflict-dialog");
        dialog.setHeaderTitle(getTranslation("plan.conflict.dialog-title"));
        TextArea text = new TextArea(getTranslation("plan.conflict.text"));
        text.setId("plan-conflict-text");
        text.setWidthFull();
        if (conflict.justified()) {
            text.setValue(conflict.justification().text());
        }
        Button save = new Button(getTranslation("plan.conflict.save"));
        save.setId("plan-conflict-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (text.getValue().isBlank()) {
                text.setErrorMessage(getTranslation("plan.conflict.text-required"));
                text.setInvalid(true);
                return;
            }
            try {
                conflicts.justify(user, planCode, conflict.key(), text.getValue());
                dialog.close();
                Notification.show(getTranslation("plan.conflict.saved"));
                refresh();
            } catch (ProblemException problem) {
                text.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments(getLocale())));
                text.setInvalid(true);
            }
        });
        Button cancel = new Button(getTranslation("plan.conflict.cancel"), e -> dialog.close());
        cancel.setId("plan-conflict-cancel");
        dialog.add(text);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
