package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorChange;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan's targets per period and group ({@code /indicators/targets}): everyone reads them; an administrator adds a
 * new period's (2026-2030) without code: copy the period in force as a draft, change or add targets (a rate in
 * percent, or the plan's words), and save; the service checks them and records each change, listed below.
 */
@Route(value = "indicators/targets", layout = MainLayout.class)
@PermitAll
public class IndicatorTargetsView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final IndicatorCatalogueService service;
    private final AppUser user;
    private final Locale locale;
    private final Map<String, CatalogueIndicator> byId;
    private final Select<String> period = new Select<>();
    private final Grid<IndicatorTarget> targets = new Grid<>();
    private final TextField draftPeriod = new TextField();
    private final ComboBox<CatalogueIndicator> indicator = new ComboBox<>();
    private final Select<UnitGroup> group = new Select<>();
    private final NumberField target = new NumberField();
    private final TextField noteZh = new TextField();
    private final Grid<IndicatorTarget> draft = new Grid<>();
    private final List<IndicatorTarget> drafted = new ArrayList<>();
    private final Span status = new Span();
    private final Grid<IndicatorChange> history = new Grid<>();

    @Autowired
    public IndicatorTargetsView(IndicatorCatalogueService service, AuthenticationContext auth) {
        this(service, AppUser.of(auth));
    }

    IndicatorTargetsView(IndicatorCatalogueService service, AppUser user) {
        this.service = service;
        this.user = user;
        this.locale = getLocale();
        this.byId =
                service.indicators().stream().collect(Collectors.toMap(CatalogueIndicator::id, Function.identity()));
        setId("indicator-targets-view");
        addClassName("indicator-page");
        period.setId("targets-period");
        period.setLabel(getTranslation("indicator.targets.period"));
        period.addValueChangeListener(e -> showPeriod());
        columns(targets);
        targets.setId("targets-grid");
        targets.setAllRowsVisible(true);
        add(new H2(getTranslation("indicator.targets.title")), period, targets);
        if (Permissions.allows(user, Action.setTargets())) {
            add(editor());
        }
        history.setId("targets-history");
        history.addColumn(c -> label(c.indicator())).setHeader(getTranslation("indicator.targets.indicator"));
        history.addColumn(c -> c.keyA() + " · " + c.keyB()).setHeader(getTranslation("indicator.targets.period"));
        history.addColumn(c -> c.oldValue() == null ? "—" : value(c.indicator(), c.oldValue()))
                .setHeader(getTranslation("indicator.targets.old"));
        history.addColumn(c -> c.newValue() == null ? "—" : value(c.indicator(), c.newValue()))
                .setHeader(getTranslation("indicator.targets.new"));
        history.addColumn(IndicatorChange::changedBy).setHeader(getTranslation("indicator.entry.by"));
        history.addColumn(c -> AT.format(c.changedAt())).setHeader(getTranslation("indicator.entry.at"));
        history.setAllRowsVisible(true);
        add(new H3(getTranslation("indicator.targets.history")), history);
        refreshPeriods(service.planPeriod());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("indicator.targets.title");
    }

    private Div editor() {
        Div box = new Div();
        box.setId("targets-editor");
        draftPeriod.setId("targets-draft-period");
        draftPeriod.setLabel(getTranslation("indicator.targets.new-period"));
        draftPeriod.setValue("2026-2030");
        Button copy = new Button(getTranslation("indicator.targets.copy"), e -> copyCurrent());
        copy.setId("targets-copy");
        indicator.setId("targets-indicator");
        indicator.setLabel(getTranslation("indicator.targets.indicator"));
        indicator.setItems(service.indicators());
        indicator.setItemLabelGenerator(i -> IndicatorLabels.name(i, locale));
        indicator.setWidth("24em");
        group.setId("targets-group");
        group.setLabel(getTranslation("indicator.targets.group"));
        group.setItems(UnitGroup.values());
        group.setItemLabelGenerator(g -> keyed("analysis.group.", g.id()));
        group.setValue(UnitGroup.ALL);
        target.setId("targets-value");
        target.setLabel(getTranslation("indicator.targets.value"));
        noteZh.setId("targets-note");
        noteZh.setLabel(getTranslation("indicator.targets.note"));
        Button add = new Button(getTranslation("indicator.targets.add"), e -> addDraft());
        add.setId("targets-add");
        Button save = new Button(getTranslation("indicator.targets.save"), e -> saveDraft());
        save.setId("targets-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setId("targets-status");
        columns(draft);
        draft.setId("targets-draft");
        draft.setAllRowsVisible(true);
        Div row1 = new Div(draftPeriod, copy);
        row1.addClassName("access-toolbar");
        Div row2 = new Div(indicator, group, target, noteZh, add);
        row2.addClassName("access-toolbar");
        box.add(
                new H3(getTranslation("indicator.targets.editor")),
                new Paragraph(getTranslation("indicator.targets.editor-intro")),
                row1,
                row2,
                draft,
                save,
                status);
        return box;
    }

    private void columns(Grid<IndicatorTarget> grid) {
        grid.addColumn(t -> label(t.indicator())).setHeader(getTranslation("indicator.targets.indicator"));
        grid.addColumn(t -> keyed("analysis.group.", t.group().id()))
                .setHeader(getTranslation("indicator.targets.group"));
        grid.addColumn(t -> IndicatorLabels.target(byId.get(t.indicator()), t, locale, this::getTranslation))
                .setHeader(getTranslation("indicator.targets.value"));
        grid.addColumn(t -> t.source() == null ? "" : t.source()).setHeader(getTranslation("indicator.targets.source"));
    }

    private void copyCurrent() {
        drafted.clear();
        String p = draftPeriod.getValue().strip();
        for (IndicatorTarget t : service.targets(service.planPeriod())) {
            drafted.add(
                    new IndicatorTarget(t.indicator(), p, t.group(), t.target(), t.source(), t.noteZh(), t.noteEn()));
        }
        draft.setItems(drafted);
    }

    private void addDraft() {
        CatalogueIndicator i = indicator.getValue();
        if (i == null || group.getValue() == null) {
            status.setText(getTranslation("indicator.targets.pick"));
            return;
        }
        Double number = target.getValue() == null ? null : IndicatorLabels.fromForm(i, target.getValue());
        String note = noteZh.getValue().isBlank() ? null : noteZh.getValue().strip();
        drafted.removeIf(t -> t.indicator().equals(i.id()) && t.group() == group.getValue());
        drafted.add(new IndicatorTarget(
                i.id(), draftPeriod.getValue().strip(), group.getValue(), number, null, note, null));
        draft.setItems(drafted);
        target.clear();
        noteZh.clear();
    }

    private void saveDraft() {
        String p = draftPeriod.getValue().strip();
        List<IndicatorTarget> all = drafted.stream()
                .map(t -> new IndicatorTarget(
                        t.indicator(), p, t.group(), t.target(), t.source(), t.noteZh(), t.noteEn()))
                .toList();
        try {
            service.saveTargets(user, p, all);
            status.setText(getTranslation("indicator.targets.saved", all.size(), p));
            drafted.clear();
            draft.setItems(drafted);
            refreshPeriods(p);
        } catch (ProblemException ex) {
            status.setText(getTranslation(ex.messageKey(), ex.arguments(locale)));
        }
    }

    private void refreshPeriods(String selected) {
        List<String> periods = service.periods();
        period.setItems(periods);
        period.setValue(periods.contains(selected) ? selected : service.planPeriod());
        history.setItems(service.changes(null, 200).stream()
                .filter(c -> IndicatorChange.TARGET.equals(c.kind()))
                .toList());
    }

    private void showPeriod() {
        targets.setItems(period.getValue() == null ? List.of() : service.targets(period.getValue()));
    }

    private String keyed(String prefix, String id) {
        return getTranslation(prefix + id);
    }

    private String label(String id) {
        CatalogueIndicator i = byId.get(id);
        return i == null ? id : IndicatorLabels.name(i, locale);
    }

    private String value(String id, double v) {
        CatalogueIndicator i = byId.get(id);
        return i == null ? Double.toString(v) : IndicatorLabels.value(i, v, this::getTranslation);
    }
}
