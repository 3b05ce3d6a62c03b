/**
 * OGC API – Features (Part 1 Core with GeoJSON and HTML, Part 2 CRS by reference) over every catalogue layer, under
 * {@code /ogc}: the landing page, conformance, the API's OpenAPI description, collections and their items, read
 * through the layers' {@code FeatureRepository} and written as they are read. Same sign-in and permissions as the
 * REST API.
 */
package cn.yiyang.planning.app.ogc;
