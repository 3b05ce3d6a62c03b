package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Locale;

/**
 * Attribute values as users read them: coded values decoded to their label in the UI language,
 * booleans as yes/no, whole numbers without ".0". One place for the identify panel and the
 * attribute table.
 */
public final class AttributeFormat {

    private AttributeFormat() {}

    /** Whether the locale asks for English (else Chinese). */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The layer's title in the locale's language. */
    public static String title(LayerDef layer, Locale locale) {
        return english(locale) ? layer.titleEn() : layer.titleZh();
    }

    /** The field's label in the locale's language. */
    public static String label(FieldDef field, Locale locale) {
        return english(locale) ? field.titleEn() : field.titleZh();
    }

    /**
     * The value for display; {@code yes} and {@code no} are the translated words for booleans.
     * Null gives an empty text.
     */
    public static String display(FieldDef field, Object value, Locale locale, String yes, String no) {
        if (value == null) {
            return "";
        }
        if (field.type() == FieldType.BOOLEAN && value instanceof Boolean b) {
            return b ? yes : no;
        }
        if (field.type() == FieldType.CODE) {
            return field.codeList()
                    .byValue(String.valueOf(value))
                    .map((Code c) -> english(locale) ? c.titleEn() : c.titleZh())
                    .orElse(String.valueOf(value));
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
