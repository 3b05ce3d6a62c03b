package cn.yiyang.planning.geo.plan;

/**
 * The ellipsoidal area of one parcel.
 *
 * @param parcelId the parcel
 * @param landUseCode its code as given
 * @param state current or planned
 * @param area its area
 */
public record ParcelArea(String parcelId, String landUseCode, ParcelState state, AreaFigure area) {}
