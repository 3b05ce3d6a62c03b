package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.catalogue.Theme;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The entry form of the indicators no analysis computes ({@code /indicators/entries}): the owning department picks a
 * manual indicator, a year and a unit of the indicator's level, and enters its value (a rate in percent); the list
 * below shows every entry of the indicator with who entered it and when. Checks are the service's.
 */
@Route(value = "indicators/entries", layout = MainLayout.class)
@PermitAll
public class IndicatorEntryView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final IndicatorCatalogueService service;
    private final AppUser user;
    private final Locale locale;
    private final ComboBox<CatalogueIndicator> indicator = new ComboBox<>();
    private final IntegerField year = new IntegerField();
    private final ComboBox<Place> unit = new ComboBox<>();
    private final NumberField value = new NumberField();
    private final TextField note = new TextField();
    private final Button save = new Button();
    private final Span status = new Span();
    private final Grid<IndicatorEntry> grid = new Grid<>();
    private Map<String, String> names = Map.of();

    @Autowired
    public IndicatorEntryView(IndicatorCatalogueService service, AuthenticationContext auth) {
        this(service, AppUser.of(auth));
    }

    IndicatorEntryView(IndicatorCatalogueService service, AppUser user) {
        this.service = service;
        this.user = user;
        this.locale = getLocale();
        setId("indicator-entry-view");
        addClassName("indicator-page");
        H2 heading = new H2(getTranslation("indicator.entry.title"));
        Paragraph intro = new Paragraph(getTranslation("indicator.entry.intro"));
        indicator.setId("entry-indicator");
        indicator.setLabel(getTranslation("indicator.entry.indicator"));
        indicator.setItems(
                service.indicators().stream().filter(CatalogueIndicator::manual).toList());
        indicator.setItemLabelGenerator(i -> IndicatorLabels.name(i, locale));
        indicator.setWidth("28em");
        indicator.addValueChangeListener(e -> pick(e.getValue()));
        year.setId("entry-year");
        year.setLabel(getTranslation("indicator.entry.year"));
        year.setMin(IndicatorCatalogueService.FIRST_YEAR);
        year.setMax(IndicatorCatalogueService.LAST_YEAR);
        year.setValue(2025);
        year.setStepButtonsVisible(true);
        unit.setId("entry-unit");
        unit.setLabel(getTranslation("indicator.entry.unit"));
        unit.setItemLabelGenerator(p -> p.name() + " " + p.code());
        unit.setWidth("20em");
        value.setId("entry-value");
        value.setLabel(getTranslation("indicator.entry.value"));
        note.setId("entry-note");
        note.setLabel(getTranslation("indicator.entry.note"));
        save.setId("entry-save");
        save.setText(getTranslation("indicator.entry.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        status.setId("entry-status");
        Div form = new Div(indicator, year, unit, value, note, save);
        form.addClassName("access-toolbar");
        grid.setId("entry-grid");
        grid.addColumn(IndicatorEntry::year).setHeader(getTranslation("indicator.entry.year"));
        grid.addColumn(e -> names.getOrDefault(e.code(), e.code()) + " " + e.code())
                .setHeader(getTranslation("indicator.entry.unit"));
        grid.addColumn(e -> IndicatorLabels.value(indicator.getValue(), e.value(), this::getTranslation))
                .setHeader(getTranslation("indicator.entry.value"));
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("indicator.entry.note"));
        grid.addColumn(IndicatorEntry::enteredBy).setHeader(getTranslation("indicator.entry.by"));
        grid.addColumn(e -> e.enteredAt() == null ? "" : AT.format(e.enteredAt()))
                .setHeader(getTranslation("indicator.entry.at"));
        grid.setAllRowsVisible(true);
        add(heading, intro, form, status, grid);
        indicator.getListDataView().getItems().findFirst().ifPresent(indicator::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("indicator.entry.title");
    }

    private void pick(CatalogueIndicator i) {
        unit.clear();
        grid.setItems(List.of());
        if (i == null) {
            save.setEnabled(false);
            return;
        }
        List<Place> units = service.units(i.entryLevel());
        names = units.stream().collect(Collectors.toMap(Place::code, Place::name, (a, b) -> a));
        unit.setItems(units);
        value.setSuffixComponent(new Span(suffix(i)));
        value.setMin(IndicatorLabels.toForm(i, i.minValue()));
        value.setMax(IndicatorLabels.toForm(i, i.maxValue()));
        boolean allowed = Permissions.allows(
                user, Action.enterIndicator(Theme.valueOf(i.owner()), Localized.of(i.nameZh(), i.nameEn()), i.id()));
        save.setEnabled(allowed);
        status.setText(allowed ? "" : getTranslation("indicator.entry.read-only"));
        refresh();
    }

    private String suffix(CatalogueIndicator i) {
        return switch (i.unit()) {
            case RATE -> "%";
            case COUNT -> "";
            default -> keyed("indicator.unit.", i.unit().id());
        };
    }

    private String keyed(String prefix, String id) {
        return getTranslation(prefix + id);
    }

    private void save() {
        CatalogueIndicator i = indicator.getValue();
        if (i == null || unit.getValue() == null || value.getValue() == null || year.getValue() == null) {
            status.setText(getTranslation("indicator.error.missing"));
            return;
        }
        try {
            IndicatorEntry e = service.enter(
                    user,
                    i.id(),
                    year.getValue(),
                    unit.getValue().code(),
                    IndicatorLabels.fromForm(i, value.getValue()),
                    note.getValue());
            status.setText(getTranslation(
                    "indicator.entry.saved",
                    unit.getValue().name(),
                    String.valueOf(e.year()),
                    IndicatorLabels.value(i, e.value(), this::getTranslation)));
            value.clear();
            note.clear();
            refresh();
        } catch (ProblemException ex) {
            status.setText(getTranslation(ex.messageKey(), ex.arguments(locale)));
        }
    }

    private void refresh() {
        CatalogueIndicator i = indicator.getValue();
        grid.setItems(i == null ? List.of() : service.entries(i.id(), null, null, null));
    }
}
