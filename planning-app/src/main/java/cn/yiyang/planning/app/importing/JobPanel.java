package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.map.MapLayer;
import cn.yiyang.planning.app.map.OverlayFeature;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.job.ImportStatus;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Envelope;

/**
 * The right card of the import page: an import as it runs (progress) and once settled — what the file is
 * (format, counts, encoding and coordinate system and how each was established), what is missing when it
 * needs input, the field mapping to check or edit, every problem, the CSV downloads, and after a load a
 * link to the map. Its buttons analyse again or load.
 */
final class JobPanel extends Div {

    private final ImportWorkflow workflow;
    private final H3 title = new H3();
    private final Span status = new Span();
    private final Button reanalyse = new Button();
    private final Button load = new Button();
    private final Paragraph empty = new Paragraph();
    private final Div progress = new Div();
    private final ProgressBar bar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div notice = new Div();
    private final Div facts = new Div();
    private final Div mappingSection = new Div();
    private final MappingEditor mapping = new MappingEditor();
    private final Div problemsSection = new Div();
    private final Span problemCount = new Span();
    private final Div downloads = new Div();
    private final IssueGrid issues = new IssueGrid();
    private final Span noProblems = new Span();
    private final Div previewSection = new Div();
    private final PlanningMap previewMap = new PlanningMap();
    private ImportJob shown;

    /**
     * @param workflow the imports
     * @param context  tile layers drawn under the preview for orientation (may be empty)
     */
    JobPanel(ImportWorkflow workflow, List<MapLayer> context) {
        this.workflow = workflow;
        context.forEach(previewMap::addLayer);
        previewMap.addClassName("import-preview-map");
        previewMap.setHeight("280px"); // the map fills its box by default; this card gives it no height
        previewMap.setId("import-preview-map");
        previewSection.add(new H4(getTranslation("import.preview")), previewMap);
        previewSection.addClassName("import-section");
        addClassNames("import-card", "import-result");
        setId("import-result");
        title.setText(getTranslation("import.step.result"));
        title.addClassName("import-card-title");
        status.addClassName("import-status");
        status.setId("import-status");
        Span spacer = new Span();
        spacer.addClassName("import-spacer");
        reanalyse.setText(getTranslation("import.reanalyse"));
        reanalyse.setId("import-reanalyse");
        load.setText(getTranslation("import.load"));
        load.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        load.setId("import-load");
        Div header = new Div(title, status, spacer, reanalyse, load);
        header.addClassName("import-card-header");

        empty.setText(getTranslation("import.empty"));
        empty.addClassName("import-empty");
        bar.addClassName("import-progress-bar");
        bar.setId("import-progress");
        progressText.addClassName("import-hint");
        progress.add(bar, progressText);
        progress.addClassName("import-progress");
        notice.addClassName("import-notice");
        notice.setId("import-notice");
        facts.addClassName("import-facts");
        facts.setId("import-facts");

        mappingSection.add(new H4(getTranslation("import.mapping")), mapping);
        mappingSection.addClassName("import-section");

        H4 problemsTitle = new H4(getTranslation("import.problems"));
        problemCount.addClassName("import-hint");
        downloads.addClassName("import-downloads");
        Div problemsHeader = new Div(problemsTitle, problemCount, downloads);
        problemsHeader.addClassName("import-section-header");
        noProblems.setText(getTranslation("import.problems.none"));
        noProblems.addClassName("import-hint");
        problemsSection.add(problemsHeader, noProblems, issues);
        problemsSection.addClassName("import-section");

        add(header, empty, progress, notice, facts, previewSection, mappingSection, problemsSection);
        clear();
    }

    /** Wires the buttons: each gets the shown import. */
    void onReanalyse(BiConsumer<ImportJob, MappingEditor> action) {
        reanalyse.addClickListener(e -> action.accept(shown, mapping));
    }

    void onLoad(BiConsumer<ImportJob, MappingEditor> action) {
        load.addClickListener(e -> action.accept(shown, mapping));
    }

    /** Back to the empty card. */
    void clear() {
        shown = null;
        title.setText(getTranslation("import.step.result"));
        empty.setVisible(true);
        status.setVisible(false);
        for (Component c : new Component[] {
            reanalyse, load, progress, notice, facts, previewSection, mappingSection, problemsSection
        }) {
            c.setVisible(false);
        }
    }

    /** The import shown, or null. */
    ImportJob shown() {
        return shown;
    }

    /**
     * Shows an import.
     *
     * @param job      the import as it is now
     * @param layer    its layer
     * @param canWrite whether the user may confirm it
     */
    void show(ImportJob job, LayerDef layer, boolean canWrite) {
        boolean changedJob = shown == null || !shown.id().equals(job.id()) || shown.status() != job.status();
        shown = job;
        boolean settled = job.status().settled();
        empty.setVisible(false);
        title.setText(getTranslation(job.dryRun() ? "import.step.result" : "import.step.result-loaded"));
        status.setVisible(true);
        status.setText(ImportLabels.status(this, job.status()));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(badgeTheme(job.status().name()));

        progress.setVisible(!settled);
        bar.setIndeterminate(job.status() == ImportStatus.QUEUED || job.progress() <= 0);
        bar.setValue(Math.max(0, Math.min(1, job.progress())));
        progressText.setText(
                job.status() == ImportStatus.QUEUED
                        ? getTranslation("import.progress.queued")
                        : getTranslation("import.progress.running", number(job.read())));

        boolean confirmable = settled && job.confirmable() && canWrite;
        reanalyse.setVisible(confirmable);
        load.setVisible(confirmable);

        showFacts(job);
        showNotice(job, layer);
        if (!changedJob) {
            return;
        }
        showPreview(job, settled);
        mappingSection.setVisible(settled && job.mapping() != null);
        if (settled && job.mapping() != null) {
            mapping.show(layer, job.mapping(), confirmable);
        }
        problemsSection.setVisible(settled);
        if (settled) {
            problemCount.setText(getTranslation("import.problems.count", number(job.issueCount())));
            problemCount.setVisible(job.issueCount() > 0);
            noProblems.setVisible(job.issueCount() == 0);
            issues.setVisible(job.issueCount() > 0);
            if (job.issueCount() > 0) {
                issues.show(workflow, job.id(), job.issueCount());
            }
            showDownloads(job);
        }
    }

    /** The file's features on a map: a sample of them, the rejected ones in red (none for a job read back). */
    private void showPreview(ImportJob job, boolean settled) {
        boolean has = settled
                && job.preview() != null
                && !job.preview().features().isEmpty()
                && job.preview().extent() != null
                && !job.preview().extent().isNull();
        previewSection.setVisible(has);
        if (has) {
            previewMap.setOverlay(job.preview().features().stream()
                    .filter(f -> f.geometry() != null)
                    .map(f -> new OverlayFeature(f.geometry(), f.rejected()))
                    .toList());
            Envelope e = new Envelope(job.preview().extent());
            e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.1 + 0.001);
            previewMap.fitExtent(e);
        }
    }

    /** The Lumo badge theme of a status. */
    static String badgeTheme(String status) {
        return switch (status) {
            case "SUCCEEDED" -> "badge success";
            case "FAILED" -> "badge error";
            case "NEEDS_INPUT" -> "badge warning";
            default -> "badge contrast";
        };
    }

    private void showFacts(ImportJob job) {
        facts.removeAll();
        facts.setVisible(true);
        Div file = fact("import.fact.file", job.fileName(), null);
        file.addClassName("wide");
        facts.add(file);
        if (job.source() != null) {
            facts.add(fact(
                    "import.fact.format", ImportLabels.format(this, job.source().format()), null));
        }
        facts.add(fact("import.fact.read", number(job.read()), null));
        if (job.status().settled()) {
            facts.add(fact("import.fact.valid", number(Math.max(0, job.read() - job.rejected())), null));
            facts.add(fact("import.fact.rejected", number(job.rejected()), job.rejected() > 0 ? "error" : null));
            if (!job.dryRun()) {
                facts.add(fact("import.fact.imported", number(job.imported()), "success"));
            }
        }
        Detection encodingHow = job.encodingDetection() != null
                        || job.source() == null
                        || job.source().encoding() == null
                ? job.encodingDetection()
                : job.source().encoding().how();
        if (job.encoding() != null) {
            facts.add(detected("import.fact.encoding", job.encoding(), encodingHow));
        }
        Detection crsHow = job.crsDetection() != null
                        || job.source() == null
                        || job.source().crs() == null
                ? job.crsDetection()
                : job.source().crs().how();
        if (job.crs() != null || crsHow != null) {
            Div crs = detected("import.fact.crs", job.crs() == null ? "—" : job.crs(), crsHow);
            ImportLabels.crsName(this, job.crs()).ifPresent(name -> {
                Span note = new Span(name);
                note.addClassName("import-fact-note");
                crs.addComponentAtIndex(2, note);
            });
            facts.add(crs);
        }
    }

    private void showNotice(ImportJob job, LayerDef layer) {
        notice.removeAll();
        notice.getClassNames().removeAll(List.of("success", "warning", "error", "info"));
        notice.setVisible(job.status().settled());
        if (!job.status().settled()) {
            return;
        }
        String outcome = outcomeMessage(job);
        switch (job.status()) {
            case SUCCEEDED -> {
                if (job.dryRun()) {
                    notice.addClassName("info");
                    notice.add(
                            strong(getTranslation("import.analysed.title")),
                            new Span(getTranslation(
                                    "import.analysed",
                                    number(Math.max(0, job.read() - job.rejected())),
                                    number(job.rejected()))));
                    if (job.crsDetection() == Detection.INFERRED) {
                        notice.add(line(getTranslation("import.crs-inferred", job.crs())));
                    }
                } else {
                    notice.addClassName("success");
                    notice.add(strong(getTranslation(
                            "import.succeeded", number(job.imported()), ImportLabels.layer(this, layer))));
                    if (job.rejected() > 0) {
                        notice.add(new Span(getTranslation("import.succeeded.rejected", number(job.rejected()))));
                    }
                    Anchor map = new Anchor(mapLink(job), getTranslation("import.view-on-map"));
                    map.setId("import-view-on-map");
                    map.addClassName("import-map-link");
                    notice.add(map);
                }
            }
            case NEEDS_INPUT -> {
                notice.addClassName("warning");
                notice.add(strong(getTranslation("import.needs-input")));
                if (outcome != null) {
                    notice.add(line(outcome));
                }
                notice.add(line(needsInputHint(job.outcome())));
            }
            default -> {
                notice.addClassName("error");
                notice.add(strong(getTranslation("import.failed")));
                if (outcome != null) {
                    notice.add(line(outcome));
                }
            }
        }
    }

    private String needsInputHint(IssueCode code) {
        if (code == null) {
            return getTranslation("import.needs-input.other");
        }
        return switch (code) {
            case NO_CRS, CRS_INFERRED -> getTranslation("import.needs-input.crs");
            case CHOOSE_TABLE, NO_SUCH_TABLE -> getTranslation("import.needs-input.table");
            case REQUIRED_FIELD_UNMAPPED, BAD_FIELD_MAPPING -> getTranslation("import.needs-input.mapping");
            default -> getTranslation("import.needs-input.other");
        };
    }

    private String outcomeMessage(ImportJob job) {
        if (job.outcome() == null) {
            return null;
        }
        return job.issues().stream()
                .filter(i -> i.code() == job.outcome())
                .findFirst()
                .map(i -> i.message(ImportLabels.locale(this)))
                .orElse(null);
    }

    /** {@code ./?extent=minLon,minLat,maxLon,maxLat&layer=id}: the map page zoomed to what was loaded. */
    static String mapLink(ImportJob job) {
        Envelope e = job.preview().extent();
        String layer = "layer=" + job.layerId();
        if (e == null || e.isNull()) {
            return "./?" + layer;
        }
        return String.format(
                Locale.ROOT,
                "./?extent=%.6f,%.6f,%.6f,%.6f&%s",
                e.getMinX(),
                e.getMinY(),
                e.getMaxX(),
                e.getMaxY(),
                layer);
    }

    private void showDownloads(ImportJob job) {
        downloads.removeAll();
        Locale locale = ImportLabels.locale(this);
        String id = job.id();
        Anchor issuesCsv = new Anchor(
                csv("import-" + id + "-issues.csv", out -> workflow.writeIssuesCsv(id, locale, out)),
                getTranslation("import.download.issues"));
        issuesCsv.setId("import-download-issues");
        Anchor recordCsv = new Anchor(
                csv("import-" + id + "-record.csv", out -> workflow.writeRecordCsv(id, locale, out)),
                getTranslation("import.download.record"));
        recordCsv.setId("import-download-record");
        downloads.add(issuesCsv, recordCsv);
    }

    /** Writes a CSV to a stream. */
    private interface CsvWriter {
        void write(OutputStream out) throws IOException;
    }

    private static DownloadHandler csv(String fileName, CsvWriter writer) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv;charset=UTF-8");
            writer.write(event.getOutputStream());
        };
    }

    private Div fact(String labelKey, String value, String tone) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("import-fact-label");
        Span v = new Span(value);
        v.addClassName("import-fact-value");
        if (tone != null) {
            v.addClassName(tone);
        }
        Div fact = new Div(label, v);
        fact.addClassName("import-fact");
        return fact;
    }

    private Div detected(String labelKey, String value, Detection how) {
        Div fact = fact(labelKey, value, null);
        if (how != null) {
            Span badge = new Span(ImportLabels.detection(this, how));
            badge.getElement()
                    .getThemeList()
                    .add(
                            switch (how) {
                                case INFERRED -> "badge warning small";
                                case UNKNOWN -> "badge error small";
                                case USER, DECLARED, HEADER -> "badge success small";
                                default -> "badge contrast small";
                            });
            badge.addClassName("import-detection");
            fact.add(badge);
        }
        return fact;
    }

    private static Span strong(String text) {
        Span s = new Span(text);
        s.addClassName("import-notice-title");
        return s;
    }

    private static Span line(String text) {
        Span s = new Span(text);
        s.addClassName("import-notice-line");
        return s;
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(ImportLabels.locale(this)).format(n);
    }
}
