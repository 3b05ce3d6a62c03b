/** Translations: every user-visible text in zh-CN and en. */
package cn.yiyang.planning.app.i18n;
