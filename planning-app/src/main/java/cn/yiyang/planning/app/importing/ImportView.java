package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.map.TileService;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.ForbiddenException;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import page ({@code /import}, in the main layout): choose the layer and upload the file, Analyse (a
 * dry run) and watch it, check the result — encoding, coordinate system, field mapping, problems — give what
 * is missing and analyse again, then Import, and follow the load to its count and the map. The latest
 * imports are listed below. While an import runs the page polls it every half second.
 */
@Route("import")
@PermitAll
public class ImportView extends Div implements HasDynamicTitle {

    /** How often a running import is polled. */
    static final int POLL_MS = 500;

    private final ImportWorkflow workflow;
    private final AppUser user;
    private final ImportForm form;
    private final JobPanel result;
    private final RecentImports recent;
    private String jobId;
    private Registration pollRegistration;

    @Autowired
    public ImportView(ImportWorkflow workflow, AuthenticationContext auth, TileService tiles) {
        this(
                workflow,
                AppUser.of(auth),
                PREVIEW_CONTEXT.stream().map(tiles::tiledLayer).toList(),
                tiles);
    }

    /** Without a security context and tiles (no map under the preview): how the view tests build the page. */
    ImportView(ImportWorkflow workflow, AppUser user) {
        this(workflow, user, List.of(), null);
    }

    /** The layers drawn under an import's preview, for orientation. */
    static final List<String> PREVIEW_CONTEXT = List.of(LayerIds.COUNTY, LayerIds.TOWNSHIP);

    private ImportView(ImportWorkflow workflow, AppUser user, List<LayerDef> context, TileService tiles) {
        this.workflow = workflow;
        this.user = user;
        addClassName("import-view");
        setId("import-view");

        H2 heading = new H2(getTranslation("import.heading"));
        Paragraph intro = new Paragraph(getTranslation("import.intro"));
        intro.addClassName("import-intro");
        Div header = new Div(heading, intro);
        header.addClassName("import-header");

        form = new ImportForm(workflow, workflow.writableLayers(user));
        result = new JobPanel(
                workflow,
                context.stream().map(l -> tiles.mapLayer(l, getLocale(), true)).toList());
        recent = new RecentImports(workflow, this::open);
        Div columns = new Div(form, result);
        columns.addClassName("import-columns");
        add(header, columns, recent);

        form.onAnalyse(this::analyse);
        form.onSourceChange(() -> {
            if (result.shown() != null
                    && result.shown().status().settled()
                    && result.shown().dryRun()) {
                result.clear();
                jobId = null;
            }
        });
        result.onReanalyse((job, mapping) -> confirm(job, mapping.editedMap(), true));
        result.onLoad((job, mapping) -> {
            if (form.mode() == ImportMode.REPLACE) {
                confirmReplace(job, mapping.editedMap());
            } else {
                confirm(job, mapping.editedMap(), false);
            }
        });
        recent.refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.page-title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        pollRegistration = event.getUI().addPollListener(e -> refresh());
        if (jobId != null) {
            watch();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        form.discard();
        super.onDetach(event);
    }

    /** Reads the shown import again and shows it; stops polling once it has settled. */
    void refresh() {
        if (jobId == null) {
            return;
        }
        Optional<ImportJob> job = workflow.find(jobId);
        if (job.isEmpty()) {
            return;
        }
        ImportJob now = job.get();
        if (now.status().settled()) {
            try {
                now = workflow.await(jobId, Duration.ofSeconds(2)); // its record is saved too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
            recent.refresh();
            markMissingInput(now);
        }
        show(now);
    }

    /** Opens an import (from the recent list). */
    void open(String id) {
        jobId = id;
        workflow.find(id).ifPresent(job -> {
            show(job);
            watch();
        });
    }

    private void analyse() {
        Optional<LayerDef> layer = form.checkReady();
        Optional<ImportOptions> options = form.options(true, Map.of());
        if (layer.isEmpty() || options.isEmpty()) {
            return;
        }
        UploadBatch copy = form.draft().copy();
        try {
            ImportJob job = workflow.submit(user, layer.get().id(), copy, options.get());
            jobId = job.id();
            show(job);
            watch();
        } catch (ImportException e) {
            error(e.issue().message(ImportLabels.locale(this)));
        } catch (ForbiddenException e) {
            error(getTranslation(e.messageKey(), e.arguments(getLocale())));
        }
    }

    private void confirm(ImportJob job, Map<String, String> fieldMap, boolean dryRun) {
        if (job == null) {
            return;
        }
        Optional<ImportOptions> options = form.options(dryRun, fieldMap);
        if (options.isEmpty()) {
            return;
        }
        try {
            ImportJob next = workflow.confirm(user, job.id(), options.get());
            jobId = next.id();
            show(next);
            watch();
        } catch (ImportException e) {
            error(e.issue().message(ImportLabels.locale(this)));
        } catch (ImportConflictException e) {
            error(getTranslation(e.messageKey(), e.arguments(getLocale())));
            refresh();
        } catch (ForbiddenException e) {
            error(getTranslation(e.messageKey(), e.arguments(getLocale())));
        }
    }

    private void confirmReplace(ImportJob job, Map<String, String> fieldMap) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("import.replace.title"));
        dialog.setText(getTranslation("import.replace.text", ImportLabels.layer(this, workflow.layer(job.layerId()))));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("import.cancel"));
        dialog.setConfirmText(getTranslation("import.replace.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> confirm(job, fieldMap, false));
        dialog.open();
    }

    private void show(ImportJob job) {
        LayerDef layer = workflow.layer(job.layerId());
        result.show(job, layer, Permissions.allows(user, Action.write(layer)));
    }

    /** Polls while the shown import runs. */
    private void watch() {
        ImportJob shown = result.shown();
        if (shown != null && !shown.status().settled()) {
            getUI().or(() -> Optional.ofNullable(UI.getCurrent())).ifPresent(ui -> ui.setPollInterval(POLL_MS));
        }
    }

    /** Points at the option the import waits for. */
    private void markMissingInput(ImportJob job) {
        IssueCode why = job.outcome();
        if (why == IssueCode.NO_CRS || why == IssueCode.CRS_INFERRED) {
            form.needCrs();
        } else if (why == IssueCode.CHOOSE_TABLE || why == IssueCode.NO_SUCH_TABLE) {
            List<String> tables = job.issues().stream()
                    .filter(i -> i.code() == why)
                    .findFirst()
                    .map(i -> i.args().isEmpty()
                            ? List.<String>of()
                            : List.of(i.args().get(0).split(",\\s*")))
                    .orElse(List.of());
            form.needTable(
                    why == IssueCode.CHOOSE_TABLE
                            ? tables
                            : job.source() == null ? List.of() : job.source().tables());
        } else if (job.source() != null) {
            form.offerTables(job.source().tables());
        }
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
