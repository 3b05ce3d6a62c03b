package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.plan.BalanceService.PlanBalance;
import cn.yiyang.planning.geo.plan.BalanceRow;
import cn.yiyang.planning.importer.format.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The land-use balance as XLSX: a title row with the plan's name, the headers in the reader's language (Chinese
 * unless English is asked for), one row per class and the total; areas as numbers (亩 and 公顷, shares as
 * fractions formatted as percentages), so that Excel can sum them.
 */
@Component
public class BalanceExport {

    /** The XLSX media type. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> HEADERS = List.of(
            "plan.balance.code",
            "plan.balance.name",
            "plan.balance.current-mu",
            "plan.balance.current-ha",
            "plan.balance.current-share",
            "plan.balance.planned-mu",
            "plan.balance.planned-ha",
            "plan.balance.planned-share",
            "plan.balance.change-mu",
            "plan.balance.change-ha");

    private final Messages messages;

    BalanceExport(Messages messages) {
        this.messages = messages;
    }

    /** The file name a download gets. */
    public String fileName(PlanBalance balance) {
        return balance.planCode() + "-balance.xlsx";
    }

    /** Writes the workbook to {@code out} (which stays open). */
    public void xlsx(PlanBalance balance, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(messages.get("plan.balance.sheet", locale));
            var percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            var decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
            String name = balance.planName() == null ? balance.planCode() : balance.planName();
            sheet.createRow(0)
                    .createCell(0)
                    .setCellValue(SpreadsheetText.neutralise(
                            messages.get("plan.balance.title", locale, name, balance.planCode())));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(messages.get(HEADERS.get(i), locale));
            }
            int r = 2;
            List<BalanceRow> rows = new ArrayList<>(balance.balance().rows());
            rows.add(balance.balance().total());
            for (BalanceRow row : rows) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row.code() == null ? "" : SpreadsheetText.neutralise(row.code()));
                x.createCell(1)
                        .setCellValue(SpreadsheetText.neutralise(
                                row.code() == null
                                        ? messages.get("plan.balance.total", locale)
                                        : PlanBalance.label(row.code(), locale)));
                double[] values = {
                    row.current().mu(),
                    row.current().hectares(),
                    row.currentShare(),
                    row.planned().mu(),
                    row.planned().hectares(),
                    row.plannedShare(),
                    row.change().mu(),
                    row.change().hectares()
                };
                for (int i = 0; i < values.length; i++) {
                    Cell cell = x.createCell(i + 2);
                    cell.setCellValue(values[i]);
                    cell.setCellStyle(i == 2 || i == 5 ? percent : decimal);
                }
            }
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 24 * 256 : 14 * 256);
            }
            book.write(out);
        }
    }
}
