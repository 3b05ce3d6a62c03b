package cn.yiyang.planning.app.place;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How places are named in the UI: the city by its translated name, others as "村名 · 乡镇 · 县". */
public final class PlaceLabels {

    /** The separator between a unit's name and the names of the units it lies in. */
    public static final String SEPARATOR = " · ";

    private PlaceLabels() {}

    /** The unit's own name; the city's from the translations ({@code place.city}). */
    public static String name(Place p, Function<String, String> translate) {
        return p.level() == Place.Level.CITY ? translate.apply("place.city") : p.name();
    }

    /** The name with the township and county it lies in, to tell apart units with the same name. */
    public static String qualified(Place p, PlaceService places, Function<String, String> translate) {
        List<String> parts = new ArrayList<>();
        parts.add(name(p, translate));
        parts.addAll(places.context(p));
        return String.join(SEPARATOR, parts);
    }
}
