package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.feature.InvalidFeatureException;
import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An attribute form generated from the catalogue: one field per {@link FieldDef}, labelled in the UI language,
 * with the required ones marked; code lists as selects showing their labels, references as searchable selects
 * over the referenced layer's keys and names (loaded page by page as the user types), dates as date pickers,
 * numbers as number fields, booleans as checkboxes. It does not check values itself: the write path's checks do,
 * and their problems are shown at their fields ({@link #showProblems}). Each field's id is
 * {@code edit-field-<name>}.
 */
public class FeatureForm extends FormLayout {

    /** The prefix of every field's id. */
    public static final String ID_PREFIX = "edit-field-";

    private final LayerDef layer;
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final Map<String, FieldDef> defs = new LinkedHashMap<>();
    private Runnable onChange = () -> {};
    private boolean loading;

    /**
     * @param layer    the layer whose fields the form shows
     * @param locale   the UI language
     * @param service  gives the values of reference fields
     */
    public FeatureForm(LayerDef layer, Locale locale, ReferenceSource service) {
        this.layer = layer;
        addClassName("feature-form");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        for (FieldDef f : layer.fields()) {
            HasValue<?, ?> field = field(f, locale, service);
            Component c = (Component) field;
            c.setId(ID_PREFIX + f.name());
            ((HasLabel) c).setLabel(AttributeFormat.label(f, locale));
            field.setRequiredIndicatorVisible(f.required());
            field.addValueChangeListener(e -> {
                if (!loading) {
                    clearProblem(f.name());
                    onChange.run();
                }
            });
            fields.put(f.name(), field);
            defs.put(f.name(), f);
            add(c);
        }
    }

    private static HasValue<?, ?> field(FieldDef f, Locale locale, ReferenceSource service) {
        return switch (f.type()) {
            case CODE -> {
                Select<String> select = new Select<>();
                List<String> values =
                        f.codeList().codes().stream().map(Code::value).toList();
                select.setItems(values);
                select.setEmptySelectionAllowed(!f.required());
                select.setItemLabelGenerator(v -> v == null
                        ? ""
                        : f.codeList()
                                .byValue(v)
                                .map(c -> AttributeFormat.english(locale) ? c.titleEn() : c.titleZh())
                                .orElse(v));
                yield select;
            }
            case INTEGER -> new IntegerField();
            case DECIMAL -> new NumberField();
            case BOOLEAN -> new Checkbox();
            case DATE -> {
                DatePicker picker = new DatePicker();
                picker.setLocale(locale);
                yield picker;
            }
            case TEXT -> f.references() == null ? new TextField() : reference(f, service);
        };
    }

    private static ComboBox<ReferenceOption> reference(FieldDef f, ReferenceSource service) {
        ComboBox<ReferenceOption> box = new ComboBox<>();
        box.setItems(query ->
                service
                        .options(f.references(), query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                        .stream());
        box.setItemLabelGenerator(ReferenceOption::label);
        box.setClearButtonVisible(true);
        box.setAllowCustomValue(false);
        box.getElement().setProperty("data-references", f.references());
        return box;
    }

    /** Called after every change the user makes (not after {@link #setValues}). */
    public void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener);
    }

    public LayerDef layer() {
        return layer;
    }

    /** The field of one attribute (tests and the editor's focus). */
    public HasValue<?, ?> field(String name) {
        return fields.get(name);
    }

    /**
     * Shows these values (catalogue field name to a stored value: text, code, number, boolean or date); fields
     * without a value are emptied. Problems shown before are cleared.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setValues(Map<String, Object> values, ReferenceSource service) {
        loading = true;
        try {
            clearProblems();
            fields.forEach((name, field) -> {
                FieldDef f = defs.get(name);
                Object v = values.get(name);
                if (v == null) {
                    field.clear();
                } else if (field instanceof ComboBox<?> box) {
                    String key = v.toString();
                    ReferenceOption option = service.option(f.references(), key).orElse(new ReferenceOption(key, null));
                    ((ComboBox<ReferenceOption>) box).setValue(option);
                } else if (field instanceof IntegerField integer) {
                    integer.setValue(((Number) v).intValue());
                } else if (field instanceof NumberField number) {
                    number.setValue(((Number) v).doubleValue());
                } else if (field instanceof DatePicker date) {
                    date.setValue(v instanceof LocalDate d ? d : LocalDate.parse(v.toString()));
                } else {
                    ((HasValue) field)
                            .setValue(field instanceof Checkbox ? (Object) Boolean.TRUE.equals(v) : v.toString());
                }
            });
        } finally {
            loading = false;
        }
    }

    /** The values as typed: field name to text, code, Integer, Double, Boolean or LocalDate (null when empty). */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object v = field.getValue();
            if (v instanceof ReferenceOption option) {
                v = option.key();
            } else if (v instanceof String s && s.isBlank()) {
                v = null;
            }
            out.put(name, v);
        });
        return out;
    }

    /**
     * Shows the problems at their fields.
     *
     * @return the problems no field of the form shows (the geometry's), for the map and the list
     */
    public List<InvalidFeatureException.Problem> showProblems(List<InvalidFeatureException.Problem> problems) {
        clearProblems();
        List<InvalidFeatureException.Problem> rest = new ArrayList<>();
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (InvalidFeatureException.Problem p : problems) {
            if (fields.get(p.field()) instanceof HasValidation) {
                byField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p.message());
            } else {
                rest.add(p);
            }
        }
        byField.forEach((name, messages) -> {
            HasValidation v = (HasValidation) fields.get(name);
            v.setErrorMessage(String.join("; ", messages));
            v.setInvalid(true);
        });
        return rest;
    }

    /** The problem shown at a field, or null (tests). */
    public String problemAt(String name) {
        return fields.get(name) instanceof HasValidation v && v.isInvalid() ? v.getErrorMessage() : null;
    }

    /** Removes every problem shown. */
    public void clearProblems() {
        fields.keySet().forEach(this::clearProblem);
    }

    private void clearProblem(String name) {
        if (fields.get(name) instanceof HasValidation v && v.isInvalid()) {
            v.setInvalid(false);
            v.setErrorMessage(null);
        }
    }
}
