/**
 * The layer catalogue: every thematic layer's table, titles, geometry, fields, code lists and the
 * aliases source files use. It is the single definition the migrations, the importer, the API and
 * the UI all read.
 */
package cn.yiyang.planning.layers.catalogue;
