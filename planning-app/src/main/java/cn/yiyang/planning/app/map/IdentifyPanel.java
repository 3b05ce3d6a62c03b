package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.UnknownLayerException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What is under the user's click: when several features are, a list of them (layer and name), and
 * the attributes of the chosen one with Chinese (or English) labels and coded values decoded.
 */
public class IdentifyPanel extends Div {

    private final Function<String, LayerDef> layers;
    private final Locale locale;
    private final Div list = new Div();
    private final Div attributes = new Div();
    private BiConsumer<String, Long> onPick = (layer, id) -> {};

    /** @param layers finds a layer by id (throws {@link UnknownLayerException} for an unknown one) */
    public IdentifyPanel(Function<String, LayerDef> layers, Locale locale) {
        this.layers = layers;
        this.locale = locale;
        addClassName("map-feature-info");
        setId("map-feature-info");
        list.addClassName("map-identify-list");
        attributes.addClassName("map-identify-attributes");
        attributes.setText(getTranslation("map.click-hint"));
        add(list, attributes);
    }

    /** Called with layer and feature id when the user picks a feature from the list. */
    public void onPick(BiConsumer<String, Long> listener) {
        this.onPick = listener;
    }

    /** Shows the features under a click: the list when there are several, the first one's attributes. */
    public void showHits(List<FeatureClickEvent.Hit> hits) {
        list.removeAll();
        List<FeatureClickEvent.Hit> known =
                hits.stream().filter(h -> layer(h.layer()) != null).toList();
        if (known.isEmpty()) {
            attributes.removeAll();
            attributes.setText(getTranslation("map.click-hint"));
            return;
        }
        if (known.size() > 1) {
            Span count = new Span(getTranslation("map.identify.count", known.size()));
            count.addClassName("map-identify-count");
            list.add(count);
            for (FeatureClickEvent.Hit h : known) {
                Button b = new Button(entryText(h), e -> {
                    showAttributes(h.layer(), h.properties());
                    onPick.accept(h.layer(), h.id());
                });
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                b.addClassName("map-identify-entry");
                list.add(b);
            }
        }
        showAttributes(known.getFirst().layer(), known.getFirst().properties());
    }

    /** Shows one feature's attributes. */
    public void showAttributes(String layerId, Map<String, Object> properties) {
        attributes.removeAll();
        LayerDef layer = layer(layerId);
        if (layer == null) {
            return;
        }
        Span heading = new Span(AttributeFormat.title(layer, locale));
        heading.addClassName("map-feature-title");
        attributes.add(heading);
        for (FieldDef field : layer.fields()) {
            Object value = properties.get(field.name());
            if (value == null) {
                continue;
            }
            Div row = new Div();
            row.addClassName("map-feature-attribute");
            Span label = new Span(AttributeFormat.label(field, locale));
            label.addClassName("map-feature-label");
            row.add(
                    label,
                    new Span(AttributeFormat.display(
                            field, value, locale, getTranslation("map.yes"), getTranslation("map.no"))));
            attributes.add(row);
        }
    }

    private String entryText(FeatureClickEvent.Hit h) {
        LayerDef layer = layer(h.layer());
        Object name = h.properties().get("name");
        if (name == null && layer.keyField() != null) {
            name = h.properties().get(layer.keyField());
        }
        String title = AttributeFormat.title(layer, locale);
        return name == null ? title + " #" + h.id() : title + " · " + name;
    }

    private LayerDef layer(String id) {
        try {
            return layers.apply(id);
        } catch (UnknownLayerException e) {
            return null;
        }
    }
}
