package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.layers.catalogue.UnknownLayerException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;

/** The latest imports (dry runs too), newest first; a click opens one in the result card. */
final class RecentImports extends Div {

    static final int SHOWN = 15;

    private final ImportWorkflow workflow;
    private final Grid<ImportSummary> grid = new Grid<>();
    private final Span empty = new Span();

    RecentImports(ImportWorkflow workflow, Consumer<String> open) {
        this.workflow = workflow;
        addClassNames("import-card", "import-recent");
        H3 title = new H3(getTranslation("import.step.recent"));
        title.addClassName("import-card-title");
        grid.addColumn(s -> ImportLabels.TIME.format(s.createdAt()))
                .setHeader(getTranslation("import.recent.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> layerTitle(s.layerId()))
                .setHeader(getTranslation("import.recent.layer"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImportSummary::fileName)
                .setHeader(getTranslation("import.recent.file"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::status)
                .setHeader(getTranslation("import.recent.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.read() + " / " + s.imported() + " / " + s.rejected())
                .setHeader(getTranslation("import.recent.counts"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImportSummary::requestedBy)
                .setHeader(getTranslation("import.recent.user"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open.accept(e.getItem().id()));
        grid.setId("import-recent");
        empty.setText(getTranslation("import.recent.none"));
        empty.addClassName("import-hint");
        add(title, empty, grid);
    }

    /** Reads the list again. */
    void refresh() {
        List<ImportSummary> recent = workflow.recent(null, SHOWN);
        grid.setItems(recent);
        grid.setVisible(!recent.isEmpty());
        empty.setVisible(recent.isEmpty());
    }

    private Span status(ImportSummary s) {
        Span badge = new Span(ImportLabels.status(this, s.status())
                + (s.dryRun() ? " · " + getTranslation("import.recent.dry-run") : ""));
        badge.getElement().getThemeList().add(JobPanel.badgeTheme(s.status()));
        return badge;
    }

    private String layerTitle(String layerId) {
        try {
            return ImportLabels.layer(this, workflow.layer(layerId));
        } catch (UnknownLayerException e) {
            return layerId;
        }
    }
}
