package cn.yiyang.planning.geo.measure;

/**
 * The solution of the inverse geodesic problem between two lon/lat points.
 *
 * @param distance the length of the geodesic in metres
 * @param initialAzimuth the azimuth at the start, degrees clockwise from north in [0, 360); NaN if the points
 *     coincide
 * @param finalAzimuth the azimuth of travel at the end (forward direction), degrees in [0, 360); NaN if the
 *     points coincide
 */
public record GeodesicInverse(double distance, double initialAzimuth, double finalAzimuth) {}
