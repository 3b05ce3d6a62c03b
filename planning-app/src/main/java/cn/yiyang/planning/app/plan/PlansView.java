package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The village plan register ({@code /plans}, {@code /plans/{code}} opens a plan): filters (county, township,
 * stage, overdue) over a grid of the plans (code, name, county, township, villages, stage in its colour, deadline,
 * overdue mark, approval number); a row opens the plan beside the grid ({@link PlanDetailPanel}); 新建规划 for the
 * planners and administrators.
 */
@Route("plans")
@PermitAll
public class PlansView extends Div implements HasDynamicTitle, HasUrlParameter<String> {

    private final PlanService plans;
    private final AppUser user;
    private final Locale locale;
    private final ComboBox<Place> county = new ComboBox<>();
    private final ComboBox<Place> township = new ComboBox<>();
    private final Select<String> status = new Select<>();
    private final Checkbox overdue = new Checkbox();
    private final Span count = new Span();
    private final Grid<PlanSummary> grid = new Grid<>();
    private final PlanDetailPanel detail;

    @Autowired
    public PlansView(
            PlanService plans,
            PlanDocuments documents,
            PlanAnalysis analysis,
            PlanCoverageService coverage,
            AuthenticationContext auth) {
        this(plans, documents, analysis, coverage, AppUser.of(auth));
    }

    PlansView(
            PlanService plans,
            PlanDocuments documents,
            PlanAnalysis analysis,
            PlanCoverageService coverage,
            AppUser user) {
        this.plans = plans;
        this.user = user;
        this.locale = getLocale();
        this.detail = new PlanDetailPanel(plans, documents, user, this::refresh);
        detail.setVisible(false);
        // the plan's analysis panels (land-use balance, 多规合一 conflicts) follow the plan the panel shows
        detail.addShowListener(plan -> showAnalysis(analysis, plan));
        setId("plans-view");
        addClassName("plans-view");

        H2 heading = new H2(getTranslation("plans.heading"));
        Paragraph help = new Paragraph(
                getTranslation("plans.help", plans.overdueRule().defaultDue().toString()));
        help.addClassName("plans-help");
        Div tableCard = new Div(filters(), toolbar(documents), buildGrid());
        tableCard.addClassNames("plans-card", "plans-table-card");
        Div columns = new Div(tableCard, detail);
        columns.addClassName("plans-columns");
        PlanCoverageCard coverageCard = new PlanCoverageCard(coverage);
        add(heading, help, coverageCard, columns);
        refresh();
    }

    /** The balance and conflict panels of the plan shown (none when no plan is shown). */
    private void showAnalysis(PlanAnalysis analysis, PlanSummary plan) {
        Div spot = detail.analysis();
        spot.removeAll();
        if (plan == null) {
            return;
        }
        String code = plan.plan().code();
        ConflictPanel conflicts = new ConflictPanel(analysis.conflicts(), code, user);
        // "show on the map": the plan's overlaps over its parcels and the 三区三线, on the chosen one
        conflicts.addShowListener(c ->
                new ConflictMapDialog(analysis.tiles(), analysis.conflicts().conflicts(user, code), c).open());
        spot.add(new BalancePanel(analysis.balances(), analysis.export(), code, user), conflicts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plans.page-title");
    }

    /** {@code /plans/{code}}: opens that plan. */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String code) {
        if (code == null || code.isBlank()) {
            return;
        }
        try {
            PlanSummary plan = plans.get(user, code);
            grid.getListDataView()
                    .getItems()
                    .filter(s -> s.plan().code().equals(plan.plan().code()))
                    .findFirst()
                    .ifPresentOrElse(grid::select, () -> detail.show(plan));
        } catch (UnknownPlanException e) {
            // an unknown code opens the register as usual
        }
    }

    private Component filters() {
        county.setLabel(getTranslation("plans.filter.county"));
        county.setItems(plans.counties());
        county.setItemLabelGenerator(Place::name);
        county.setClearButtonVisible(true);
        county.setId("plans-county");
        township.setLabel(getTranslation("plans.filter.township"));
        township.setItemLabelGenerator(Place::name);
        township.setClearButtonVisible(true);
        township.setId("plans-township");
        List<String> statuses = new ArrayList<>();
        statuses.add("");
        CodeLists.PLAN_STATUS.codes().stream().map(Code::value).forEach(statuses::add);
        status.setLabel(getTranslation("plans.filter.status"));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.isEmpty()
                ? getTranslation("plans.filter.status.all")
                : PlanLabels.status(s).in(locale));
        status.setValue("");
        status.setId("plans-status");
        overdue.setLabel(getTranslation("plans.filter.overdue"));
        overdue.setId("plans-overdue");

        county.addValueChangeListener(e -> {
            township.clear();
            township.setItems(
                    e.getValue() == null
                            ? List.of()
                            : plans.townships(e.getValue().code()));
            refresh();
        });
        township.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        Div bar = new Div(county, township, status, overdue);
        bar.addClassName("plans-filters");
        return bar;
    }

    private Component toolbar(PlanDocuments documents) {
        count.setId("plans-count");
        count.addClassName("plans-count");
        Span spacer = new Span();
        spacer.addClassName("plans-spacer");
        Div bar = new Div(count, spacer);
        bar.addClassName("plans-toolbar");
        if (Permissions.allows(user, Action.write(plans.layer()))) {
            Button create = new Button(getTranslation("plans.new"), e -> new NewPlanDialog(plans, this::create).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("plans-new");
            bar.add(create);
        }
        return bar;
    }

    private List<String> create(NewPlan plan) {
        try {
            PlanSummary created = plans.create(user, plan);
            refresh();
            grid.getListDataView()
                    .getItems()
                    .filter(s -> s.plan().code().equals(created.plan().code()))
                    .findFirst()
                    .ifPresentOrElse(grid::select, () -> detail.show(created));
            return List.of();
        } catch (ProblemException e) {
            return List.of(getTranslation(e.messageKey(), e.arguments(locale)));
        }
    }

    private Component buildGrid() {
        grid.addColumn(s -> s.plan().code())
                .setHeader(getTranslation("plans.column.code"))
                .setAutoWidth(true)
                .setFrozen(true)
                .setKey("code");
        grid.addColumn(s -> s.plan().name())
                .setHeader(getTranslation("plans.column.name"))
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setResizable(true)
                .setTooltipGenerator(s -> s.plan().name())
                .setKey("name");
        grid.addColumn(s -> nz(s.countyName()))
                .setHeader(getTranslation("plans.column.county"))
                .setAutoWidth(true)
                .setKey("county");
        grid.addColumn(s -> nz(s.townshipName()))
                .setHeader(getTranslation("plans.column.township"))
                .setAutoWidth(true)
                .setKey("township");
        grid.addColumn(PlanSummary::villageNames)
                .setHeader(getTranslation("plans.column.villages"))
                .setAutoWidth(true)
                .setKey("villages");
        grid.addComponentColumn(this::statusBadge)
                .setHeader(getTranslation("plans.column.status"))
                .setAutoWidth(true)
                .setKey("status");
        grid.addColumn(s -> s.deadline().toString())
                .setHeader(getTranslation("plans.column.due-on"))
                .setAutoWidth(true)
                .setSortable(true)
                .setComparator(PlanSummary::deadline)
                .setKey("deadline");
        grid.addComponentColumn(this::overdueMark)
                .setHeader(getTranslation("plans.column.overdue"))
                .setAutoWidth(true)
                .setKey("overdue");
        grid.addColumn(s -> nz(s.plan().documentNumber()))
                .setHeader(getTranslation("plans.column.document-number"))
                .setAutoWidth(true)
                .setKey("documentNumber");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("plans-grid");
        grid.addClassName("plans-grid");
        grid.setEmptyStateText(getTranslation("plans.empty"));
        grid.addSelectionListener(e -> {
            PlanSummary picked = e.getFirstSelectedItem().orElse(null);
            detail.show(picked);
            if (e.isFromClient()) {
                // the address names the open plan, so that it can be shared and reopened
                getUI().ifPresent(ui -> ui.getPage()
                        .getHistory()
                        .replaceState(
                                null,
                                picked == null
                                        ? "plans"
                                        : "plans/" + picked.plan().code()));
            }
        });
        return grid;
    }

    private Span statusBadge(PlanSummary s) {
        Span badge = new Span(PlanLabels.status(s.plan().status()).in(locale));
        badge.getElement().getThemeList().add("badge");
        badge.addClassNames("plan-status", "plan-status-" + s.plan().status());
        return badge;
    }

    private Span overdueMark(PlanSummary s) {
        Span mark = new Span(s.overdue() ? getTranslation("plans.overdue") : "");
        if (s.overdue()) {
            mark.getElement().getThemeList().add("badge error");
            mark.addClassName("plan-overdue");
        }
        return mark;
    }

    /** The filter the controls set. */
    PlanFilter filter() {
        return new PlanFilter(
                county.getValue() == null ? null : county.getValue().code(),
                township.getValue() == null ? null : township.getValue().code(),
                status.getValue() == null || status.getValue().isEmpty() ? null : status.getValue(),
                overdue.getValue() ? Boolean.TRUE : null);
    }

    /** Reads the register again and shows it, keeping the open plan open (read again). */
    void refresh() {
        List<PlanSummary> shown =
                plans.list(user, filter(), 0, Integer.MAX_VALUE).plans();
        String open = detail.shown() == null ? null : detail.shown().plan().code();
        grid.setItems(shown);
        count.setText(getTranslation("plans.count", shown.size()));
        if (open != null) {
            shown.stream()
                    .filter(s -> s.plan().code().equals(open))
                    .findFirst()
                    .ifPresentOrElse(grid::select, () -> detail.show(plans.get(user, open)));
        }
    }

    /** The panel of the open plan (its {@code plan-analysis} part is where the analysis panels go). */
    PlanDetailPanel detail() {
        return detail;
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
