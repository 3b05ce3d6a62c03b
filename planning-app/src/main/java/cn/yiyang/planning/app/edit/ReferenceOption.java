package cn.yiyang.planning.app.edit;

import java.util.Objects;

/**
 * A value a reference field can take: the referenced feature's key and its name, for a searchable select.
 *
 * @param key  the key value stored in the field (a village code)
 * @param name the referenced feature's name, or null
 */
public record ReferenceOption(String key, String name) {

    public ReferenceOption {
        Objects.requireNonNull(key, "key");
    }

    /** What the select shows: {@code 430903101201 · 新月村}. */
    public String label() {
        return name == null || name.isBlank() ? key : key + " · " + name;
    }
}
