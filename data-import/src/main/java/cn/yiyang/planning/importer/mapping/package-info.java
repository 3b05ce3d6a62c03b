/**
 * From the file's fields to the layer's: {@link cn.yiyang.planning.importer.mapping.FieldMapper} proposes
 * which source field gives which catalogue field (by name, title, the catalogue's Chinese aliases, or
 * the user's explicit map; the rest is kept as extra attributes),
 * {@link cn.yiyang.planning.importer.mapping.ValueConverter} turns source values into the field's type
 * (codes through the code lists' labels and aliases), and
 * {@link cn.yiyang.planning.importer.mapping.Derivations} fills the values that follow from others.
 */
package cn.yiyang.planning.importer.mapping;
