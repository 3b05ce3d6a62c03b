package cn.yiyang.planning.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX downloads' cells: text that a spreadsheet would run as a formula is written neutralised. */
class FindingsExportCellsTest {

    @Test
    void formulaLikeTextIsNeutralisedAndNumbersStayNumbers() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Row row = book.createSheet("x").createRow(0);
            FindingsExport.write(
                    row,
                    Arrays.asList("=HYPERLINK(\"http://evil\",\"点击\")", "+1", "@SUM(A1)", "\tx", "赫山区", -12.5, null));
            assertThat(List.of(0, 1, 2, 3, 4).stream()
                            .map(i -> row.getCell(i).getStringCellValue())
                            .toList())
                    .containsExactly("'=HYPERLINK(\"http://evil\",\"点击\")", "'+1", "'@SUM(A1)", "'\tx", "赫山区");
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
        }
    }
}
