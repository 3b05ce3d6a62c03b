package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.importer.format.SpreadsheetText;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The dashboard's tables as an XLSX workbook with Chinese headers: one sheet per level from the chosen unit down (市,
 * 县, 乡镇, 村), a row per unit and indicator with the value (rates as fractions, formatted as percentages), the
 * target, met or not, the run or year it comes from; last the 终期评估 (values as of the plan period's end). Text
 * cells that a spreadsheet would run as a formula are neutralised.
 */
@Component
public class DashboardExport {

    /** The levels, coarsest first, each on its own sheet. */
    static final List<UnitLevel> LEVELS =
            List.of(UnitLevel.CITY, UnitLevel.COUNTY, UnitLevel.TOWNSHIP, UnitLevel.VILLAGE);

    private static final String LEVEL_KEY = "indicator.level.";
    private static final String MEASURE_KEY = "report.measure.";

    private final DashboardService service;
    private final Messages messages;

    DashboardExport(DashboardService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    /** Writes the workbook of a unit and group: a sheet per level, then the 终期评估. */
    public void xlsx(Place unit, UnitGroup group, OutputStream out) throws IOException {
        Locale zh = Messages.ZH;
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            Function<DashboardValue, String> source =
                    v -> v.year() != null ? String.valueOf(v.year()) : v.runId() == null ? "" : v.runId();
            for (UnitLevel level : LEVELS) {
                if (level.ordinal() < UnitLevel.valueOf(unit.level().name()).ordinal()) {
                    continue;
                }
                List<DashboardValue> values = level == UnitLevel.CITY
                                || level.name().equals(unit.level().name())
                        ? service.headline(unit, group)
                        : service.atLevel(level, unit, group);
                sheet(book.createSheet(messages.get(LEVEL_KEY + level.id(), zh)), values, percent, source);
            }
            String none = messages.get(
                    "dashboard.evaluation-none", zh, service.periodEnd().toString());
            sheet(
                    book.createSheet(messages.get("dashboard.evaluation-sheet", zh)),
                    service.evaluation(unit, group),
                    percent,
                    v -> v.value() == null ? none : source.apply(v));
            book.write(out);
        }
    }

    /** A header and a row per unit and indicator: code, unit, indicator, measure, value, target, met, source. */
    private void sheet(
            Sheet sheet, List<DashboardValue> values, CellStyle percent, Function<DashboardValue, String> source) {
        Locale zh = Messages.ZH;
        Row header = sheet.createRow(0);
        List<String> keys = List.of(
                "report.code",
                "dashboard.unit",
                "dashboard.indicator",
                "report.unit-of-measure",
                "dashboard.value",
                "dashboard.target",
                "dashboard.met",
                "dashboard.source");
        for (int c = 0; c < keys.size(); c++) {
            header.createCell(c).setCellValue(messages.get(keys.get(c), zh));
        }
        int r = 1;
        for (DashboardValue v : values) {
            Row row = sheet.createRow(r++);
            text(row.createCell(0), v.code());
            text(row.createCell(1), v.name());
            text(row.createCell(2), v.indicator().nameZh());
            row.createCell(3)
                    .setCellValue(
                            messages.get(MEASURE_KEY + v.indicator().unit().id(), zh));
            number(row.createCell(4), v, v.value(), percent);
            number(row.createCell(5), v, v.target(), percent);
            row.createCell(6)
                    .setCellValue(
                            v.met() == null
                                    ? ""
                                    : messages.get(v.met() ? "dashboard.met.yes" : "dashboard.met.no", zh));
            text(row.createCell(7), source.apply(v));
        }
    }

    /**
     * A text cell as a spreadsheet may hold it: unit names come from uploaded unit layers and indicator names from
     * the catalogue, so one that starts like a formula is neutralised ({@link SpreadsheetText#neutralise}, the one rule).
     */
    private static void text(Cell cell, String value) {
        cell.setCellValue(SpreadsheetText.neutralise(value));
    }

    private static void number(Cell cell, DashboardValue v, Double value, CellStyle pct) {
        if (value == null) {
            return;
        }
        cell.setCellValue(value);
        if (v.indicator().unit() == IndicatorUnit.RATE) {
            cell.setCellStyle(pct);
        }
    }
}
