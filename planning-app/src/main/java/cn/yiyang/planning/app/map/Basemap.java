package cn.yiyang.planning.app.map;

import java.util.Locale;

/** The Tianditu base maps, each with its label layer, or none (a plain background). */
public enum Basemap {
    NONE,
    /** 矢量 vec + cva. */
    VECTOR,
    /** 影像 img + cia. */
    IMAGERY,
    /** 地形 ter + cta. */
    TERRAIN;

    /** The name the map element takes ({@code none}, {@code vec}, {@code img}, {@code ter}). */
    public String clientName() {
        return switch (this) {
            case NONE -> "none";
            case VECTOR -> "vec";
            case IMAGERY -> "img";
            case TERRAIN -> "ter";
        };
    }

    /** The base map with this client name; unknown names give {@link #NONE}. */
    public static Basemap ofClientName(String name) {
        for (Basemap b : values()) {
            if (b.clientName().equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        return NONE;
    }
}
