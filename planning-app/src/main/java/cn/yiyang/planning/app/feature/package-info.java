/**
 * Single-feature editing: {@link cn.yiyang.planning.app.feature.FeatureEditService} checks a feature as an import
 * checks a row and writes it with optimistic locking and its history; {@code FeatureController} is its REST API
 * ({@code /api/v1/layers/{layer}/features}).
 */
package cn.yiyang.planning.app.feature;
