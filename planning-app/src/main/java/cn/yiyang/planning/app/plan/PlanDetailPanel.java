package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.importing.UploadTexts;
import cn.yiyang.planning.app.map.MapLink;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.plans.PlanDocument;
import cn.yiyang.planning.layers.plans.PlanTransition;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One plan beside the register: its attributes and villages, the workflow buttons of the steps the user may take
 * (with a dialog for what 退回修改 and 批复 need, and the gates' blockers shown when they refuse), "在地图上编辑"
 * (the map on the plan's extent with the plans layer), the timeline of its steps, its documents (upload, list,
 * download, delete) and, under {@code plan-analysis}, the place where the land-use balance and conflict panels go.
 */
final class PlanDetailPanel extends Div {

    /** The id of the place where the plan's analysis panels (land-use balance, 多规合一 conflicts) are added. */
    static final String ANALYSIS_ID = "plan-analysis";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanService plans;
    private final PlanDocuments documents;
    private final AppUser user;
    private final Runnable onChanged;
    private final Locale locale;
    private final Div analysis = new Div();
    private final List<Consumer<PlanSummary>> showListeners = new ArrayList<>();
    private PlanSummary shown;

    PlanDetailPanel(PlanService plans, PlanDocuments documents, AppUser user, Runnable onChanged) {
        this.plans = plans;
        this.documents = documents;
        this.user = user;
        this.onChanged = onChanged;
        this.locale = getLocale();
        setId("plan-detail");
        addClassName("plan-detail");
        analysis.setId(ANALYSIS_ID);
        analysis.addClassName("plan-analysis");
    }

    /** The plan shown, or null. */
    PlanSummary shown() {
        return shown;
    }

    /**
     * The place where the plan's analysis panels go (the land-use balance and the conflict list of the parcels
     * feature); it stays in the panel whichever plan is shown.
     */
    Div analysis() {
        return analysis;
    }

    /**
     * Tells {@code listener} each plan the panel shows (null when it shows none), after the panel is built: for the
     * panels in {@link #analysis()}, which show the same plan.
     */
    void addShowListener(Consumer<PlanSummary> listener) {
        showListeners.add(listener);
    }

    /** Shows the plan (read again, with its version), or nothing for null. */
    void show(PlanSummary plan) {
        removeAll();
        shown = plan == null ? null : plans.get(user, plan.plan().code());
        setVisible(shown != null);
        if (shown != null) {
            build();
        }
        showListeners.forEach(l -> l.accept(shown));
    }

    private void build() {
        Plan p = shown.plan();
        H3 title = new H3(p.name());
        title.setId("plan-detail-title");
        Span code = new Span(p.code());
        code.addClassName("plan-detail-code");
        add(title, code, attributes(), steps(), mapLink(), timeline(), documentsPart(), analysis);
    }

    private Component attributes() {
        Plan p = shown.plan();
        Div list = new Div();
        list.setId("plan-attributes");
        list.addClassName("plan-attributes");
        attribute(list, "plans.field.status", PlanLabels.status(p.status()).in(locale));
        attribute(list, "plans.field.county", nz(shown.countyName()));
        attribute(list, "plans.field.township", nz(shown.townshipName()));
        attribute(list, "plans.field.villages", shown.villageNames());
        attribute(list, "plans.field.compiling-unit", nz(p.compilingUnit()));
        attribute(list, "plans.field.period", nz(p.period()));
        String deadline = shown.deadline().toString()
                + (p.dueOn() == null ? " " + getTranslation("plans.deadline.default") : "")
                + (shown.overdue() ? " · " + getTranslation("plans.overdue") : "");
        attribute(list, "plans.field.due-on", deadline);
        attribute(list, "plans.field.document-number", nz(p.documentNumber()));
        attribute(
                list,
                "plans.field.approved-on",
                p.approvedOn() == null ? "—" : p.approvedOn().toString());
        attribute(list, "plans.field.approving-authority", nz(p.approvingAuthority()));
        return list;
    }

    private void attribute(Div list, String key, String value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("plan-attribute-label");
        Span text = new Span(value);
        text.addClassName("plan-attribute-value");
        Div row = new Div(label, text);
        row.addClassName("plan-attribute");
        list.add(row);
    }

    /** The buttons of the steps the user may take, and for a plan under review the gates' blockers. */
    private Component steps() {
        Div bar = new Div();
        bar.setId("plan-steps");
        bar.addClassName("plan-steps");
        List<PlanStep> allowed = plans.allowedSteps(user, shown.plan());
        for (PlanStep step : allowed) {
            Button b = new Button(step.title().in(locale), e -> take(step));
            b.setId("plan-step-" + step.id());
            b.addThemeVariants(step == PlanStep.RETURN ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
            bar.add(b);
        }
        if (allowed.contains(PlanStep.APPROVE)) {
            List<Localized> blockers = plans.blockers(shown.plan().code());
            if (!blockers.isEmpty()) {
                bar.add(blockerList(blockers));
            }
        }
        return bar;
    }

    private Component blockerList(List<Localized> blockers) {
        UnorderedList list = new UnorderedList();
        blockers.forEach(b -> list.add(new ListItem(b.in(locale))));
        Div box = new Div(new Paragraph(getTranslation("plans.blockers", blockers.size())), list);
        box.setId("plan-blockers");
        box.addClassName("plan-blockers");
        return box;
    }

    private void take(PlanStep step) {
        if (step == PlanStep.RETURN || step == PlanStep.APPROVE) {
            new StepDialog(step, shown.plan().name(), plans.today(), input -> apply(step, input)).open();
        } else {
            List<String> problems = apply(step, StepInput.none());
            if (!problems.isEmpty()) {
                error(String.join(" ", problems));
            }
        }
    }

    /** Takes the step; the messages to show when it is refused (the gates' blockers each on their own). */
    List<String> apply(PlanStep step, StepInput input) {
        try {
            plans.take(user, shown.plan().code(), step, input);
        } catch (PlanBlockedException e) {
            List<String> out = new ArrayList<>();
            out.add(getTranslation(e.messageKey(), e.arguments(locale)));
            e.blockers().forEach(b -> out.add("· " + b.in(locale)));
            return out;
        } catch (ProblemException e) {
            return List.of(getTranslation(e.messageKey(), e.arguments(locale)));
        }
        Notification.show(getTranslation("plans.step-done", step.title().in(locale)))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        onChanged.run();
        return List.of();
    }

    private Component mapLink() {
        Plan p = shown.plan();
        Anchor map = new Anchor(
                p.extent() == null ? "" : MapLink.to(p.extent(), LayerIds.VILLAGE_PLAN),
                getTranslation("plans.edit-on-map"));
        map.setId("plan-map-link");
        map.addClassName("plan-map-link");
        map.setEnabled(p.extent() != null);
        return map;
    }

    private Component timeline() {
        Div box = new Div(new H4(getTranslation("plans.timeline")));
        box.setId("plan-timeline");
        box.addClassName("plan-timeline");
        List<PlanTransition> steps = plans.timeline(user, shown.plan().code());
        if (steps.isEmpty()) {
            box.add(new Paragraph(getTranslation("plans.timeline.empty")));
        }
        for (PlanTransition t : steps.reversed()) {
            String when = t.at() == null ? "" : WHEN.format(t.at().atZoneSameInstant(Region.TIME_ZONE));
            String text = getTranslation(
                    "plans.timeline.entry",
                    when,
                    t.user(),
                    PlanStep.byId(t.step()).map(s -> s.title().in(locale)).orElse(t.step()),
                    PlanLabels.status(t.fromStatus()).in(locale),
                    PlanLabels.status(t.toStatus()).in(locale));
            Div entry = new Div(new Span(text));
            entry.addClassName("plan-timeline-entry");
            if (t.reason() != null) {
                Span reason = new Span(getTranslation("plans.timeline.reason", t.reason()));
                reason.addClassName("plan-timeline-reason");
                entry.add(reason);
            }
            if (t.documentNumber() != null) {
                entry.add(new Span(getTranslation(
                        "plans.timeline.approval", t.documentNumber(), t.approvedOn(), nz(t.approvingAuthority()))));
            }
            box.add(entry);
        }
        return box;
    }

    private Component documentsPart() {
        String planCode = shown.plan().code();
        Div box = new Div(new H4(getTranslation("plans.documents")));
        box.setId("plan-documents-box");
        box.addClassName("plan-documents");
        Grid<PlanDocument> grid = new Grid<>();
        grid.setId("plan-documents");
        grid.addColumn(d -> kindLabel(d.kind()))
                .setHeader(getTranslation("plans.document.kind"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> download(planCode, d))
                .setHeader(getTranslation("plans.document.file"))
                .setFlexGrow(1)
                .setKey("file");
        grid.addColumn(d -> getTranslation("plans.document.size-kb", Math.max(1, (d.sizeBytes() + 1023) / 1024)))
                .setHeader(getTranslation("plans.document.size"))
                .setAutoWidth(true);
        grid.addColumn(PlanDocument::uploadedBy)
                .setHeader(getTranslation("plans.document.uploaded-by"))
                .setAutoWidth(true);
        grid.addColumn(d ->
                        d.uploadedAt() == null ? "" : WHEN.format(d.uploadedAt().atZoneSameInstant(Region.TIME_ZONE)))
                .setHeader(getTranslation("plans.document.uploaded-at"))
                .setAutoWidth(true);
        boolean mayWrite = documents.mayWrite(user);
        if (mayWrite) {
            grid.addComponentColumn(d -> {
                        Button delete = new Button(getTranslation("plans.document.delete"), e -> {
                            documents.delete(user, planCode, d.id());
                            grid.setItems(documents.list(user, planCode));
                        });
                        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                        delete.setId("plan-document-delete-" + d.id());
                        return delete;
                    })
                    .setAutoWidth(true)
                    .setKey("delete");
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("plans.documents.empty"));
        grid.setItems(documents.list(user, planCode));
        box.add(grid);
        if (mayWrite) {
            box.add(uploader(planCode, grid));
        }
        return box;
    }

    private Anchor download(String planCode, PlanDocument d) {
        Anchor a = new Anchor(
                "api/v1/plans/" + URLEncoder.encode(planCode, StandardCharsets.UTF_8) + "/documents/" + d.id(),
                d.fileName());
        a.getElement().setAttribute("download", true);
        a.setTitle(d.fileName());
        a.setId("plan-document-download-" + d.id());
        return a;
    }

    private Component uploader(String planCode, Grid<PlanDocument> grid) {
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("plans.document.kind"));
        kind.setItems(PlanDocuments.KINDS);
        kind.setItemLabelGenerator(k -> kindLabel(k));
        kind.setValue("text");
        kind.setId("plan-document-kind");
        // the upload arrives outside the UI's lock: it reads the kind chosen last, not the component
        AtomicReference<String> chosen = new AtomicReference<>(kind.getValue());
        kind.addValueChangeListener(e -> chosen.set(e.getValue()));
        Upload upload = new Upload();
        upload.setId("plan-document-upload");
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFileSize((int) Math.min(documents.maxBytes(), Integer.MAX_VALUE));
        upload.setMaxFiles(10);
        UploadI18N texts = UploadTexts.of(this, documents.maxBytes() >> 20);
        texts.getError()
                .setIncorrectFileType(getTranslation("plans.document.not-pdf"))
                .setFileIsTooBig(getTranslation("plans.document.too-large", documents.maxBytes() >> 20));
        texts.getUploading()
                .getError()
                .setFileTooLarge(getTranslation("plans.document.too-large", documents.maxBytes() >> 20));
        upload.setI18n(texts);
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.setUploadHandler(event -> {
            UI ui = event.getUI();
            try {
                documents.upload(user, planCode, event.getFileName(), chosen.get(), event.getInputStream());
                ui.access(() -> grid.setItems(documents.list(user, planCode)));
            } catch (ProblemException e) {
                String message = getTranslation(e.messageKey(), e.arguments(locale));
                event.reject(message);
                ui.access(() -> error(message));
            }
        });
        Span hint = new Span(getTranslation("plans.document.hint", documents.maxBytes() >> 20));
        hint.addClassName("plan-document-hint");
        Div box = new Div(kind, upload, hint);
        box.addClassName("plan-document-upload");
        return box;
    }

    private String kindLabel(String kind) {
        return switch (kind) {
            case "text" -> getTranslation("plans.document.kind.text");
            case "drawing" -> getTranslation("plans.document.kind.drawing");
            default -> getTranslation("plans.document.kind.other");
        };
    }

    private void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
