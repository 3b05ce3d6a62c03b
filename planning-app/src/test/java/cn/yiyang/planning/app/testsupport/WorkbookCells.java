package cn.yiyang.planning.app.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells of an XLSX download by kind, every sheet and row in order, to check what a spreadsheet would make of
 * them: text, numbers, and formulas (which no download may hold; issue 17).
 *
 * @param texts    the text cells' values
 * @param numbers  the numeric cells' values
 * @param formulas the formula cells' formulas
 */
public record WorkbookCells(List<String> texts, List<Double> numbers, List<String> formulas) {

    /** Reads every sheet of the workbook; {@code firstRow} skips the rows above it (e.g. 1 for the header). */
    public static WorkbookCells read(byte[] xlsx, int firstRow) throws IOException {
        WorkbookCells cells = new WorkbookCells(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            book.forEach(sheet -> sheet.forEach(row -> {
                if (row.getRowNum() >= firstRow) {
                    row.forEach(cells::add);
                }
            }));
        }
        return cells;
    }

    private void add(Cell cell) {
        switch (cell.getCellType()) {
            case FORMULA -> formulas.add(cell.getCellFormula());
            case STRING -> texts.add(cell.getStringCellValue());
            case NUMERIC -> numbers.add(cell.getNumericCellValue());
            default -> {}
        }
    }
}
