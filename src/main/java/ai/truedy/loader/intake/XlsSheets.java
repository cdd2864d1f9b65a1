package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DimensionsRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * The worksheets of an Excel 97-2003 workbook, one after the other, and their rows one at a time:
 * the workbook's records are pulled from POI's HSSF record stream (the reader under its event API)
 * as they are needed, so nothing but the current row and the table of shared strings is held.
 * Cells are read as {@link SheetRows} reads an {@code .xlsx}: a number keeps every digit, whatever
 * the cell shows; a formula gives its last result.
 */
final class XlsSheets implements AutoCloseable {

    private final InputStream stream;
    private final RecordFactoryInputStream records;
    private SSTRecord strings;
    private Record ahead;
    private boolean inSheet;
    private long lastRowNumber;

    XlsSheets(InputStream stream) {
        this.stream = stream;
        this.records = new RecordFactoryInputStream(stream, false);
    }

    /** Moves to the next worksheet, past what is left of this one; false when there is none. */
    boolean nextSheet() {
        while (inSheet) {
            next();
        }
        for (Record record = take(); record != null; record = take()) {
            if (record instanceof SSTRecord table) {
                strings = table;
            } else if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                inSheet = true;
                lastRowNumber = 0;
                return true;
            }
        }
        return false;
    }

    /** The sheet's last row number, from its dimensions; 0 when it does not say. */
    long lastRowNumber() {
        return lastRowNumber;
    }

    /** The sheet's next row that has cells, gaps filled with empty cells; null at the sheet's end. */
    String[] next() {
        List<String> cells = null;
        int row = -1;
        int depth = 0;
        while (inSheet) {
            Record record = take();
            if (record == null || record instanceof EOFRecord && depth == 0) {
                inSheet = false;
            } else if (record instanceof BOFRecord) {
                depth++; // a chart inside the sheet, to its own end
            } else if (record instanceof EOFRecord) {
                depth--;
            } else if (record instanceof DimensionsRecord dimensions) {
                lastRowNumber = dimensions.getLastRow();
            } else if (record instanceof CellValueRecordInterface cell && depth == 0) {
                if (cells != null && cell.getRow() != row) {
                    ahead = record;
                    break;
                }
                row = cell.getRow();
                cells = cells == null ? new ArrayList<>() : cells;
                while (cells.size() <= cell.getColumn()) {
                    cells.add("");
                }
                cells.set(cell.getColumn(), text(record));
            }
        }
        return cells == null ? null : cells.toArray(String[]::new);
    }

    private String text(Record cell) {
        if (cell instanceof LabelSSTRecord label) {
            return strings == null ? "" : strings.getString(label.getSSTIndex()).getString();
        }
        if (cell instanceof NumberRecord number) {
            return SheetRows.number(Double.toString(number.getValue()));
        }
        if (cell instanceof LabelRecord label) {
            return label.getValue();
        }
        if (cell instanceof BoolErrRecord boolErr) {
            return boolErr.isBoolean() ? (boolErr.getBooleanValue() ? "TRUE" : "FALSE")
                    : FormulaError.forInt(boolErr.getErrorValue()).getString();
        }
        if (cell instanceof FormulaRecord formula) {
            return result(formula);
        }
        return ""; // a blank cell with a format
    }

    /** A formula's last result, as Excel saved it. */
    private String result(FormulaRecord formula) {
        CellType type = formula.getCachedResultTypeEnum();
        return switch (type) {
            case NUMERIC -> SheetRows.number(Double.toString(formula.getValue()));
            case BOOLEAN -> formula.getCachedBooleanValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(formula.getCachedErrorValue()).getString();
            case STRING -> formula.hasCachedResultString() ? stringResult() : "";
            default -> "";
        };
    }

    /** The text a formula gave, in the STRING record after it (a shared formula's record may come first). */
    private String stringResult() {
        for (Record record = take(); record != null; record = take()) {
            if (record instanceof StringRecord text) {
                return text.getString();
            }
            if (record instanceof CellValueRecordInterface || record instanceof EOFRecord) {
                ahead = record;
                return "";
            }
        }
        return "";
    }

    private Record take() {
        if (ahead != null) {
            Record record = ahead;
            ahead = null;
            return record;
        }
        return records.nextRecord();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
