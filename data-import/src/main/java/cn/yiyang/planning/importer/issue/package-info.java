/** Import problems: located (file, row, field), coded, and translated into Chinese and English. */
package cn.yiyang.planning.importer.issue;
