/**
 * Reading departments' files: format recognition by content, safe unpacking, encodings, the CRS
 * the file declares or its coordinates imply, and a streaming record source per format.
 */
package cn.yiyang.planning.importer.source;
