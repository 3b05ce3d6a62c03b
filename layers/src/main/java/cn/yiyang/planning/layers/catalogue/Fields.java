package cn.yiyang.planning.layers.catalogue;

import java.util.List;

/** Fluent construction of {@link FieldDef}s, used by {@link LayerCatalogue}. */
final class Fields {

    private final String name;
    private final FieldType type;
    private final String zh;
    private final String en;
    private CodeList codeList;
    private boolean required;
    private String references;
    private String referenceGroup;
    private List<String> aliases = List.of();
    private boolean personal;
    private boolean fromDescribed;

    private Fields(String name, FieldType type, String zh, String en) {
        this.name = name;
        this.type = type;
        this.zh = zh;
        this.en = en;
    }

    static Fields text(String name, String zh, String en) {
        return new Fields(name, FieldType.TEXT, zh, en);
    }

    static Fields integer(String name, String zh, String en) {
        return new Fields(name, FieldType.INTEGER, zh, en);
    }

    static Fields decimal(String name, String zh, String en) {
        return new Fields(name, FieldType.DECIMAL, zh, en);
    }

    static Fields bool(String name, String zh, String en) {
        return new Fields(name, FieldType.BOOLEAN, zh, en);
    }

    static Fields date(String name, String zh, String en) {
        return new Fields(name, FieldType.DATE, zh, en);
    }

    static Fields code(String name, String zh, String en, CodeList list) {
        Fields f = new Fields(name, FieldType.CODE, zh, en);
        f.codeList = list;
        return f;
    }

    Fields required() {
        this.required = true;
        return this;
    }

    Fields refs(String layerId) {
        this.references = layerId;
        return this;
    }

    /** Refers to {@code layerId}'s key, or to a group of its features by the value of {@code groupField}. */
    Fields refs(String layerId, String groupField) {
        this.references = layerId;
        this.referenceGroup = groupField;
        return this;
    }

    Fields aka(String... names) {
        this.aliases = List.of(names);
        return this;
    }

    /** Household-level personal data (see {@link FieldDef#personal}). */
    Fields personal() {
        this.personal = true;
        return this;
    }

    /** The described feature's own value (see {@link FieldDef#fromDescribed}). */
    Fields fromDescribed() {
        this.fromDescribed = true;
        return this;
    }

    FieldDef build() {
        return new FieldDef(
                name, type, zh, en, required, codeList, aliases, references, referenceGroup, personal, fromDescribed);
    }
}
