package cn.yiyang.planning.layers.catalogue;

/** Attribute types of the layer schema; each maps to one SQL type on both stores. */
public enum FieldType {
    /** Free text. */
    TEXT,
    /** A value from the field's {@link CodeList}; stored as the code's text. */
    CODE,
    INTEGER,
    /** A floating-point quantity (capacity, width, income). */
    DECIMAL,
    BOOLEAN,
    DATE
}
