package io.adplane.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A report's rows as a file (S13): a header of the rows' keys (IQM's column keys, in the answer's order), then one
 * line per row of {@code execute}'s answer, every row, values as the answer writes them. CSV is RFC 4180 with a
 * header line; XLSX has one sheet, numbers as numeric cells.
 */
public final class ReportFiles {

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final CsvMapper CSV = CsvMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private ReportFiles() {
    }

    /** The header: every key of the rows, first seen first; the requested columns when there are no rows. */
    static List<String> header(ReportAnswer answer, List<String> columns) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        answer.data().forEach(r -> keys.addAll(r.values().keySet()));
        return keys.isEmpty() ? columns : new ArrayList<>(keys);
    }

    public static byte[] csv(List<String> header, List<ReportAnswer.Row> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        header.forEach(schema::addColumn);
        List<Map<String, Object>> values = rows.stream().map(ReportAnswer.Row::values).toList();
        return CSV.writer(schema.build()).writeValueAsBytes(values);
    }

    public static byte[] xlsx(List<String> header, List<ReportAnswer.Row> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Report");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r + 1);
                Map<String, Object> values = rows.get(r).values();
                for (int c = 0; c < header.size(); c++) {
                    Object v = values.get(header.get(c));
                    if (v == null) {
                        continue;
                    }
                    Cell cell = line.createCell(c);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
