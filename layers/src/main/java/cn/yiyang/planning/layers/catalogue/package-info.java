/**
 * The layer catalogue: every thematic layer's table, titles, geometry, fields, code lists and the
 * aliases source files use, and what codes mean to the plan's rules (traits and ranks on the code
 * lists), the layer ids ({@link cn.yiyang.planning.layers.catalogue.LayerIds}) and the region served
 * ({@link cn.yiyang.planning.layers.catalogue.Region}). It is the single definition the migrations,
 * the importer, the analyses, the API and the UI all read.
 */
package cn.yiyang.planning.layers.catalogue;
