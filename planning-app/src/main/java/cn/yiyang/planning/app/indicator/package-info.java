/**
 * The plan's indicator catalogue over the pages and the API: the indicators with their targets per plan period and
 * group ({@link cn.yiyang.planning.app.indicator.IndicatorCatalogueService}), the values of the manual indicators
 * entered per unit and year, the targets page of administrators and the entry form of the owning departments, REST
 * under {@code /api/v1/indicator-catalogue}.
 */
package cn.yiyang.planning.app.indicator;
