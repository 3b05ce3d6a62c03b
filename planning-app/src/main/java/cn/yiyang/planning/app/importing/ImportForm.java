package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.job.RejectPolicy;
import cn.yiyang.planning.importer.job.RequestValues;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The left card of the import page: the target layer (only those the user may write, by theme), the
 * upload (drag and drop, several files), the options (mode, coordinate system, encoding, table,
 * repair, rows with errors) and the Analyse button.
 */
final class ImportForm extends Div {

    /** The value of the CRS, encoding and table choosers that means "detect". */
    static final String AUTO = "";

    private final ImportWorkflow workflow;
    private final ComboBox<LayerDef> layer = new ComboBox<>();
    private final Upload upload = new Upload();
    private final Select<ImportMode> mode = new Select<>();
    private final ComboBox<String> crs = new ComboBox<>();
    private final Select<String> encoding = new Select<>();
    private final ComboBox<String> table = new ComboBox<>();
    private final Select<RejectPolicy> rejectPolicy = new Select<>();
    private final Checkbox repair = new Checkbox();
    private final Button analyse = new Button();
    private final List<String> crsItems = new ArrayList<>();
    /** Client file name → the name it is stored under, in the order uploaded. */
    private final Map<String, String> files = new LinkedHashMap<>();

    private UploadBatch draft;
    private Runnable onSourceChange = () -> {};

    ImportForm(ImportWorkflow workflow, List<LayerDef> writable) {
        this.workflow = workflow;
        addClassNames("import-card", "import-form");
        setId("import-form");
        H3 title = new H3(getTranslation("import.step.source"));
        title.addClassName("import-card-title");
        add(title);

        layer.setLabel(getTranslation("import.layer"));
        layer.setPlaceholder(getTranslation("import.layer.placeholder"));
        layer.setItems(writable);
        layer.setItemLabelGenerator(l -> ImportLabels.layerWithTheme(this, l));
        layer.setWidthFull();
        layer.setId("import-layer");
        layer.addValueChangeListener(e -> {
            layer.setInvalid(false);
            onSourceChange.run();
        });

        configureUpload();
        Span hint = new Span(getTranslation("import.upload.hint", workflow.maxUploadBytes() >> 20));
        hint.addClassName("import-hint");

        mode.setLabel(getTranslation("import.mode"));
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> ImportLabels.mode(this, m));
        mode.setValue(ImportMode.APPEND);
        mode.setId("import-mode");

        crs.setLabel(getTranslation("import.crs"));
        crsItems.add(AUTO);
        crsItems.addAll(ImportLabels.CRS_CHOICES);
        crs.setItems(crsItems);
        crs.setItemLabelGenerator(c -> AUTO.equals(c) ? getTranslation("import.crs.auto") : ImportLabels.crs(this, c));
        crs.setValue(AUTO);
        crs.setAllowCustomValue(true);
        crs.addCustomValueSetListener(e -> customCrs(e.getDetail()));
        crs.addValueChangeListener(e -> crs.setInvalid(false));
        crs.setId("import-crs");

        encoding.setLabel(getTranslation("import.encoding"));
        List<String> encodings = new ArrayList<>(List.of(AUTO));
        encodings.addAll(ImportLabels.ENCODINGS);
        encoding.setItems(encodings);
        encoding.setItemLabelGenerator(c -> AUTO.equals(c) ? getTranslation("import.encoding.auto") : c);
        encoding.setValue(AUTO);
        encoding.setId("import-encoding");

        table.setLabel(getTranslation("import.table"));
        table.setAllowCustomValue(true);
        table.addCustomValueSetListener(e -> table.setValue(e.getDetail()));
        table.setVisible(false);
        table.setId("import-table");

        rejectPolicy.setLabel(getTranslation("import.reject-policy"));
        rejectPolicy.setItems(RejectPolicy.values());
        rejectPolicy.setItemLabelGenerator(p -> ImportLabels.rejectPolicy(this, p));
        rejectPolicy.setValue(RejectPolicy.SKIP_INVALID);
        rejectPolicy.setId("import-reject-policy");

        repair.setLabel(getTranslation("import.repair"));
        repair.setId("import-repair");

        FormLayout options = new FormLayout(mode, crs, encoding, table, rejectPolicy, repair);
        options.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26em", 2));
        options.setColspan(rejectPolicy, 2);
        options.setColspan(repair, 2);
        options.setColspan(mode, 2);
        options.addClassName("import-options");

        analyse.setText(getTranslation("import.analyse"));
        analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        analyse.setId("import-analyse");
        analyse.addClassName("import-analyse");

        add(layer, upload, hint, options, analyse);
        if (writable.isEmpty()) {
            Paragraph readOnly = new Paragraph(getTranslation("import.read-only"));
            readOnly.addClassName("import-read-only");
            addComponentAtIndex(1, readOnly);
            layer.setEnabled(false);
            upload.setVisible(false);
            hint.setVisible(false);
            options.setVisible(false);
            analyse.setEnabled(false);
        }
    }

    /** Called when the layer or the files change (a shown analysis no longer matches them). */
    void onSourceChange(Runnable action) {
        this.onSourceChange = action;
    }

    /** Called when the user clicks Analyse. */
    void onAnalyse(Runnable action) {
        analyse.addClickListener(e -> action.run());
    }

    /** The upload being filled (created on the first file). */
    synchronized UploadBatch draft() {
        if (draft == null) {
            draft = workflow.newUpload();
        }
        return draft;
    }

    /** A file arrived (on the UI thread). */
    void received(String clientName, String storedName) {
        files.put(clientName, storedName);
        onSourceChange.run();
    }

    /** Forgets the upload (the page is left). */
    synchronized void discard() {
        if (draft != null) {
            workflow.discard(draft);
            draft = null;
        }
        files.clear();
    }

    /**
     * Checks that a layer and files are chosen, marking what is missing.
     *
     * @return the layer, when both are there
     */
    Optional<LayerDef> checkReady() {
        if (layer.getValue() == null) {
            layer.setErrorMessage(getTranslation("import.layer.required"));
            layer.setInvalid(true);
            return Optional.empty();
        }
        if (files.isEmpty()) {
            error(getTranslation("import.upload.required"));
            return Optional.empty();
        }
        return Optional.of(layer.getValue());
    }

    /** The options as set, with the edited field map (empty for none). */
    Optional<ImportOptions> options(boolean dryRun, Map<String, String> fieldMap) {
        Crs chosenCrs;
        try {
            chosenCrs = crsValue();
        } catch (ImportException e) {
            crs.setErrorMessage(getTranslation("import.crs.invalid"));
            crs.setInvalid(true);
            return Optional.empty();
        }
        Charset charset = AUTO.equals(encoding.getValue()) ? null : RequestValues.encoding(encoding.getValue(), null);
        String chosenTable = table.isVisible()
                        && table.getValue() != null
                        && !table.getValue().isBlank()
                ? table.getValue()
                : null;
        return Optional.of(new ImportOptions(
                chosenCrs,
                charset,
                chosenTable,
                mode.getValue(),
                fieldMap,
                dryRun,
                repair.getValue(),
                rejectPolicy.getValue()));
    }

    /** The mode chosen. */
    ImportMode mode() {
        return mode.getValue();
    }

    /** Marks the CRS chooser: the import needs one. */
    void needCrs() {
        crs.setErrorMessage(getTranslation("import.needs-input.crs"));
        crs.setInvalid(true);
    }

    /** Shows the table chooser with the file's tables. */
    void offerTables(List<String> tables) {
        if (tables.size() > 1) {
            table.setItems(tables);
            table.setVisible(true);
        }
    }

    /** Marks the table chooser: the import needs one. */
    void needTable(List<String> tables) {
        offerTables(tables);
        table.setVisible(true);
        table.setErrorMessage(getTranslation("import.needs-input.table"));
        table.setInvalid(true);
    }

    private Crs crsValue() {
        String value = crs.getValue();
        return value == null || AUTO.equals(value) ? null : RequestValues.crs(value, null);
    }

    private void customCrs(String text) {
        try {
            Crs parsed = RequestValues.crs(text, null);
            if (parsed == null) {
                crs.setValue(AUTO);
                return;
            }
            if (!crsItems.contains(parsed.code())) {
                crsItems.add(parsed.code());
                crs.setItems(crsItems);
            }
            crs.setValue(parsed.code());
        } catch (ImportException e) {
            crs.setErrorMessage(getTranslation("import.crs.invalid"));
            crs.setInvalid(true);
        }
    }

    private void configureUpload() {
        upload.setUploadHandler(new UploadReceiver(
                this::draft,
                new UploadReceiver.Listener() {
                    @Override
                    public void received(String clientName, String storedName) {
                        ImportForm.this.received(clientName, storedName);
                    }

                    @Override
                    public void refused(String clientName, String message) {
                        error(getTranslation("import.upload.failed", message));
                    }
                },
                ImportLabels.locale(this)));
        upload.setMaxFiles(20);
        upload.setMaxFileSize((int) Math.min(workflow.maxUploadBytes(), Integer.MAX_VALUE));
        upload.setDropAllowed(true);
        upload.setWidthFull();
        upload.setId("import-upload");
        upload.setI18n(UploadTexts.of(this, workflow.maxUploadBytes() >> 20));
        upload.addFileRejectedListener(e -> error(getTranslation("import.upload.failed", e.getErrorMessage())));
        upload.addFileRemovedListener(e -> {
            String stored = files.remove(e.getFileName());
            if (stored != null && draft != null) {
                draft.remove(stored);
            }
            onSourceChange.run();
        });
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
