package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.importer.job.ImportStatus;
import cn.yiyang.planning.importer.job.RejectPolicy;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.SourceFormat;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Region;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The import page's texts for the engine's values (statuses, detections, formats, modes, CRS choices,
 * mapping targets), from the translations, in the component's language.
 */
final class ImportLabels {

    /** The CRS choices offered besides "detect": CGCS2000, its Gauss-Kruger zones over Yiyang, WGS84, web maps. */
    static final List<String> CRS_CHOICES = List.of(
            "EPSG:4490", "EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547", "EPSG:4326", "EPSG:3857", "GCJ02", "BD09");
    /** The encodings offered besides "detect". */
    static final List<String> ENCODINGS = List.of("GBK", "GB18030", "UTF-8", "Big5");
    /** Times are shown in China Standard Time, where the app's users are. */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Region.TIME_ZONE);

    private static final String MAPPING_PREFIX = "import.mapping.";

    private ImportLabels() {}

    /** The text of an enum value: the key {@code <prefix>.<NAME>} (ImportLabelsTest checks that all exist). */
    static String enumText(Component c, String prefix, Enum<?> value) {
        return c.getTranslation(prefix + "." + value.name());
    }

    static boolean english(Component c) {
        return Messages.EN.equals(locale(c));
    }

    static String status(Component c, ImportStatus s) {
        return enumText(c, "import.status", s);
    }

    static String status(Component c, String s) {
        try {
            return status(c, ImportStatus.valueOf(s));
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static String detection(Component c, Detection d) {
        return d == null ? "" : enumText(c, "import.detection", d);
    }

    static String format(Component c, SourceFormat f) {
        return enumText(c, "import.format", f);
    }

    static String mode(Component c, ImportMode m) {
        return enumText(c, "import.mode", m);
    }

    static String rejectPolicy(Component c, RejectPolicy p) {
        return enumText(c, "import.reject-policy", p);
    }

    static String severity(Component c, Severity s) {
        return enumText(c, "import.severity", s);
    }

    static String decision(Component c, FieldMapping.Decision d) {
        return enumText(c, "import.decision", d);
    }

    /** A CRS code with its name, e.g. {@code EPSG:4525 · CGCS2000 3度带 第37带}. */
    static String crs(Component c, String code) {
        try {
            Crs crs = Crs.parse(code);
            return crs.code() + " · " + (english(c) ? crs.nameEn() : crs.nameZh());
        } catch (RuntimeException e) {
            return code;
        }
    }

    /** The name of a CRS code in the component's language, when the code is known. */
    static Optional<String> crsName(Component c, String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            Crs crs = Crs.parse(code);
            return Optional.of(english(c) ? crs.nameEn() : crs.nameZh());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String layer(Component c, LayerDef l) {
        return english(c) ? l.titleEn() : l.titleZh();
    }

    /** A layer with its theme, as the layer chooser lists it: {@code 道路交通 › 农村公路}. */
    static String layerWithTheme(Component c, LayerDef l) {
        return (english(c) ? l.theme().titleEn() : l.theme().titleZh()) + " › " + layer(c, l);
    }

    static String field(Component c, FieldDef f) {
        return english(c) ? f.titleEn() : f.titleZh();
    }

    /** A mapping target: a layer field with its title and name, keep as extra, or ignore. */
    static String target(Component c, LayerDef layer, String target) {
        if (FieldMapping.EXTRA.equals(target) || FieldMapping.IGNORE.equals(target)) {
            return c.getTranslation(MAPPING_PREFIX + target);
        }
        return layer.field(target)
                .map(f -> field(c, f) + " (" + f.name() + ")"
                        + (f.required() ? " · " + c.getTranslation("import.mapping.required") : ""))
                .orElse(target);
    }

    /** The language the component shows: its UI's, else the current UI's, else Chinese. */
    static Locale locale(Component c) {
        UI ui = c.getUI().orElse(UI.getCurrent());
        return Messages.supported(ui == null ? Messages.ZH : ui.getLocale());
    }
}
