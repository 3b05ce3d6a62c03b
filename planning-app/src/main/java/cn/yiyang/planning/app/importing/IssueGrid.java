package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.Severity;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * An import's problems, read page by page from its record (all of them, however many): row (or the whole
 * file), field, code with its severity, and the message in the page's language.
 */
final class IssueGrid extends Grid<ImportIssue> {

    IssueGrid() {
        addColumn(i -> i.row() == 0 ? getTranslation("import.problem.file-level") : Long.toString(i.row()))
                .setHeader(getTranslation("import.problem.row"))
                .setWidth("7em")
                .setFlexGrow(0);
        addColumn(i -> i.field() == null ? "" : i.field())
                .setHeader(getTranslation("import.problem.field"))
                .setWidth("9em")
                .setFlexGrow(0);
        addComponentColumn(this::code)
                .setHeader(getTranslation("import.problem.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(i -> i.message(locale()))
                .setHeader(getTranslation("import.problem.message"))
                .setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addClassName("import-issues");
        setId("import-issues");
    }

    /** Shows the problems of an import, lazily. */
    void show(ImportWorkflow workflow, String importId, long count) {
        setItems(query -> workflow.issues(importId, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(count, Integer.MAX_VALUE));
    }

    private Span code(ImportIssue issue) {
        Span badge = new Span(issue.code().name());
        badge.getElement().getThemeList().add(issue.severity() == Severity.ERROR ? "badge error small" : "badge small");
        badge.getElement().setAttribute("title", ImportLabels.severity(this, issue.severity()));
        return badge;
    }

    private Locale locale() {
        return ImportLabels.locale(this);
    }
}
