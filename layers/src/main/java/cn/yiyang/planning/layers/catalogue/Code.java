package cn.yiyang.planning.layers.catalogue;

import java.util.List;

/**
 * One entry of a code list: the stored value, its Chinese and English labels, and the other
 * spellings that source files use for it (matched when importing).
 */
public record Code(String value, String titleZh, String titleEn, List<String> aliases) {

    public Code {
        aliases = List.copyOf(aliases);
    }
}
