package cn.yiyang.planning.app.place;

import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * An administrative unit of Yiyang that users navigate and search by: the city, a county-level
 * unit, a township or an administrative village. Codes nest (a village's code starts with its
 * township's, which starts with its county's); names repeat, codes do not.
 *
 * @param level      city, county, township or village
 * @param code       the NBS code (6, 9 or 12 digits; the city {@link Region#CITY_CODE})
 * @param name       the Chinese name
 * @param parentCode the code of the unit above, or null for the city
 * @param extent     the bounding box in longitude/latitude, or null when unknown
 * @param featureId  the store id of the unit's feature in its layer, or null for the city
 */
public record Place(Level level, String code, String name, String parentCode, Envelope extent, Long featureId) {

    /**
     * @return a new envelope of the city (110°43′–112°56′E, 27°58′–29°31′N), for views that open on the whole
     *     city before (or without) the store's extents
     */
    public static Envelope cityExtent() {
        return new Envelope(110.72, 112.94, 27.97, 29.52);
    }

    public Place {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        extent = extent == null ? null : new Envelope(extent);
    }

    /** The levels, coarsest first, with the layer each lives in. */
    public enum Level {
        CITY(null),
        COUNTY(LayerIds.COUNTY),
        TOWNSHIP(LayerIds.TOWNSHIP),
        VILLAGE(LayerIds.VILLAGE);

        private final String layerId;

        Level(String layerId) {
            this.layerId = layerId;
        }

        /** The catalogue layer of this level's units, or null for the city. */
        public String layerId() {
            return layerId;
        }
    }

    @Override
    public Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }
}
