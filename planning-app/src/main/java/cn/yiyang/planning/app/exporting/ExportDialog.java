package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * The export dialog of the layer tree and the attribute table: the format, the Shapefile's encoding, the CRS
 * (EPSG:4490 or a Gauss-Kruger zone of Yiyang), and which features (the whole layer, the unit the map is drilled
 * down to, or the map's current extent). The export runs on the export worker; the dialog shows its progress
 * (pushed to the page), can cancel it, and then offers the file.
 */
public class ExportDialog extends Dialog {

    /** Which features an export holds. */
    public enum Scope {
        LAYER,
        UNIT,
        EXTENT
    }

    /** The CRSs offered, the stored one first. */
    static final List<String> CRSS = List.of("EPSG:4490", "EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547");

    private final ExportService exports;
    private final AppUser user;
    private final LayerDef layer;
    private final String unitCode;
    private final Envelope extent;
    private final Select<ExportFormat> format = new Select<>();
    private final Select<String> encoding = new Select<>();
    private final Select<String> crs = new Select<>();
    private final RadioButtonGroup<Scope> scope = new RadioButtonGroup<>();
    private final Span count = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Button start = new Button();
    private final Button cancel = new Button();
    private final Anchor download = new Anchor();
    private ExportJob job;
    private UI ui;

    /**
     * @param unitCode  the unit the map is drilled down to (county, township or village code), or null
     * @param unitLabel its name, shown beside the choice
     * @param extent    the map's visible box in EPSG:4490, or null
     */
    public ExportDialog(
            ExportService exports,
            AppUser user,
            LayerDef layer,
            Locale locale,
            String unitCode,
            String unitLabel,
            Envelope extent) {
        this.exports = exports;
        this.user = user;
        this.layer = layer;
        this.unitCode = unitCode;
        this.extent = extent == null || extent.isNull() ? null : new Envelope(extent);
        setId("export-dialog");
        setHeaderTitle(getTranslation("export.title", AttributeFormat.title(layer, locale)));

        List<ExportFormat> formats = Arrays.stream(ExportFormat.values())
                .filter(f -> f != ExportFormat.SHP || layer.geometry().hasGeometry())
                .toList();
        format.setLabel(getTranslation("export.format"));
        format.setItems(formats);
        format.setItemLabelGenerator(f -> getTranslation("export.format." + f.id()));
        format.setValue(formats.getFirst());
        format.setId("export-format");
        format.addValueChangeListener(e -> encoding.setVisible(e.getValue() == ExportFormat.SHP));

        encoding.setLabel(getTranslation("export.encoding"));
        encoding.setItems("UTF-8", "GBK");
        encoding.setValue("UTF-8");
        encoding.setId("export-encoding");
        encoding.setHelperText(getTranslation("export.encoding.help"));
        encoding.setVisible(false);

        crs.setLabel(getTranslation("export.crs"));
        crs.setItems(CRSS);
        crs.setItemLabelGenerator(c -> getTranslation("export.crs." + c.substring(5)));
        crs.setValue(CRSS.getFirst());
        crs.setId("export-crs");
        crs.setVisible(layer.geometry().hasGeometry());

        List<Scope> scopes = new ArrayList<>(List.of(Scope.LAYER));
        boolean unitApplies = unitApplies();
        if (unitCode != null) {
            scopes.add(Scope.UNIT);
        }
        if (this.extent != null && layer.geometry().hasGeometry()) {
            scopes.add(Scope.EXTENT);
        }
        scope.setLabel(getTranslation("export.scope"));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(s -> switch (s) {
            case LAYER -> getTranslation("export.scope.layer");
            case UNIT ->
                getTranslation(unitApplies ? "export.scope.unit" : "export.scope.unit-not-applicable", unitLabel);
            case EXTENT -> getTranslation("export.scope.extent");
        });
        scope.setItemEnabledProvider(s -> s != Scope.UNIT || unitApplies);
        scope.setValue(Scope.LAYER);
        scope.setId("export-scope");
        scope.addValueChangeListener(e -> showCount());

        count.setId("export-count");
        count.addClassName("export-count");
        bar.setId("export-progress");
        bar.setVisible(false);
        status.setId("export-status");
        status.addClassName("export-status");
        download.setId("export-download");
        download.setText(getTranslation("export.download"));
        download.getElement().setAttribute("download", true);
        download.setVisible(false);

        Div form = new Div(format, encoding, crs, scope, count, bar, status, download);
        form.addClassName("export-form");
        add(form);

        start.setText(getTranslation("export.start"));
        start.setId("export-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        cancel.setText(getTranslation("export.cancel"));
        cancel.setId("export-cancel");
        cancel.addClickListener(e -> cancelOrClose());
        getFooter().add(cancel, start);
        // a closed dialog's file is not offered any more: stop the export and delete it
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardJob();
            }
        });
        showCount();
    }

    /** Whether the unit filter fits the layer (it has a field holding codes of the unit's level). */
    private boolean unitApplies() {
        if (unitCode == null) {
            return false;
        }
        try {
            ExportRequest.of(layer, ExportFormat.GEOJSON.id(), null, unitCode, null, null);
            return true;
        } catch (BadValueException e) {
            return false;
        }
    }

    /** The request the dialog's choices make. */
    ExportRequest request() {
        Scope s = scope.getValue();
        String bbox = s == Scope.EXTENT
                ? extent.getMinX() + "," + extent.getMinY() + "," + extent.getMaxX() + "," + extent.getMaxY()
                : null;
        return ExportRequest.of(
                layer,
                format.getValue().id(),
                layer.geometry().hasGeometry() ? crs.getValue() : null,
                s == Scope.UNIT ? unitCode : null,
                bbox,
                format.getValue() == ExportFormat.SHP ? encoding.getValue() : null);
    }

    private void showCount() {
        count.setText(getTranslation("export.count", exports.count(user, request())));
    }

    /** Starts the export on the worker; its progress comes back to the page by push. */
    void start() {
        discardJob();
        ui = UI.getCurrent();
        start.setEnabled(false);
        download.setVisible(false);
        bar.setValue(0);
        bar.setVisible(true);
        status.setText(getTranslation("export.queued"));
        int[] shownPercent = {-1};
        try {
            job = exports.start(user, request(), j -> {
                // the worker reports every 1,000 features: push only when the shown percentage changes
                int percent = (int) Math.floor(j.progress() * 100);
                if (j.state().settled() || percent != shownPercent[0]) {
                    shownPercent[0] = percent;
                    ui.access(() -> show(j));
                }
            });
        } catch (IOException e) {
            show(null);
        }
    }

    private void show(ExportJob j) {
        if (j == null || j != job) {
            if (j == null) {
                status.setText(getTranslation("export.failed"));
                start.setEnabled(true);
                bar.setVisible(false);
            }
            return;
        }
        switch (j.state()) {
            case QUEUED -> status.setText(getTranslation("export.queued"));
            case RUNNING -> {
                bar.setValue(j.progress());
                status.setText(getTranslation("export.running", j.written(), j.total()));
            }
            case READY -> offer(j);
            case FAILED, CANCELLED -> {
                bar.setVisible(false);
                start.setEnabled(true);
                status.setText(
                        getTranslation(j.state() == ExportJob.State.FAILED ? "export.failed" : "export.cancelled"));
                cancel.setText(getTranslation("export.close"));
            }
        }
    }

    private void offer(ExportJob j) {
        bar.setValue(1);
        bar.setVisible(false);
        status.setText(getTranslation("export.ready", j.total()));
        download.setHref((DownloadHandler) event -> {
            event.setFileName(j.fileName());
            event.setContentType(j.request().format().mediaType());
            event.setContentLength(Files.size(j.file()));
            Files.copy(j.file(), event.getOutputStream());
        });
        download.setVisible(true);
        start.setEnabled(true);
        cancel.setText(getTranslation("export.close"));
    }

    /** Cancels a running export, or closes the dialog when none runs. */
    void cancelOrClose() {
        if (job != null && !job.state().settled()) {
            job.cancel();
            status.setText(getTranslation("export.cancelling"));
        } else {
            close();
        }
    }

    /** The export started last, or null. */
    ExportJob job() {
        return job;
    }

    private void discardJob() {
        if (job != null) {
            job.discard();
            job = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ui = event.getUI();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // the page left with the dialog open
        discardJob();
        super.onDetach(event);
    }
}
