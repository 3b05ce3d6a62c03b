package cn.yiyang.planning.app.road;

import java.time.YearMonth;

/**
 * The register in one month.
 *
 * @param month     the month
 * @param added     entries whose blocked date falls in the month (新增)
 * @param closed    entries whose 销号 date falls in the month (销号)
 * @param openAtEnd entries open at the end of the month's last day (月末未销号): blocked on or before it and
 *                  not closed by then
 */
public record TrendMonth(YearMonth month, int added, int closed, int openAtEnd) {}
