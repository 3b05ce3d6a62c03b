package cn.yiyang.planning.importer.source;

/**
 * An attribute column of the file.
 *
 * @param name the field name as the file has it, decoded with the file's encoding
 * @param type the file's type for it: text, integer, decimal, boolean, date (or text when unsure)
 */
public record SourceField(String name, String type) {}
