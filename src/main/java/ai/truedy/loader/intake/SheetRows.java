package ai.truedy.loader.intake;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * The rows of one worksheet's XML, one at a time, pulled with StAX: nothing but the current row is
 * held. Shared-string, inline-string, number, boolean, formula-result and error cells are read as
 * text; a number keeps every digit, whatever the cell's display format ({@code 3.12E+09} on screen
 * is 3123410484 in the file).
 */
final class SheetRows implements AutoCloseable {

    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final List<String> strings;
    private long lastRowNumber;

    SheetRows(InputStream sheet, List<String> strings) throws XMLStreamException {
        this.sheet = sheet;
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet); // no DTDs, no external entities
        this.strings = strings;
    }

    /** The sheet's last row number, from its dimension, once the first row was read; 0 when it does not say. */
    long lastRowNumber() {
        return lastRowNumber;
    }

    /** The next row's cells, gaps filled with empty cells; null at the end of the sheet. */
    String[] next() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                return row();
            }
            if (event == XMLStreamConstants.START_ELEMENT && "dimension".equals(xml.getLocalName())) {
                lastRowNumber = lastRowOf(xml.getAttributeValue(null, "ref"));
            }
            if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                return null;
            }
        }
        return null;
    }

    private String[] row() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String reference = xml.getAttributeValue(null, "r");
                int column = reference == null ? cells.size() : columnOf(reference);
                String value = cell(xml.getAttributeValue(null, "t"));
                while (cells.size() < column) {
                    cells.add("");
                }
                if (column < cells.size()) {
                    cells.set(column, value);
                } else {
                    cells.add(value);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
        }
        return cells.toArray(String[]::new);
    }

    /** Reads one {@code <c>} element to its end. */
    private String cell(String type) throws XMLStreamException {
        String value = null;
        StringBuilder inline = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "t" -> inline.append(xml.getElementText());
                    case "rPh" -> skip(); // phonetic guide text is not the cell's value
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
        }
        if (type == null || type.equals("n")) {
            return number(value);
        }
        return switch (type) {
            case "s" -> value == null ? "" : strings.get(Integer.parseInt(value.trim()));
            case "inlineStr" -> inline.toString();
            case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
            default -> value == null ? "" : value; // str (a formula's text), e (an error such as #N/A)
        };
    }

    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0 && xml.hasNext(); ) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** A number cell as its digits: 3123410484, not 3.12341048E9; 2.5 stays 2.5. */
    static String number(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The 0-based column of a cell reference such as {@code C12}. */
    static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private static long lastRowOf(String dimension) {
        if (dimension == null) {
            return 0;
        }
        String last = dimension.substring(dimension.indexOf(':') + 1).replaceAll("[A-Za-z$]", "");
        try {
            return Long.parseLong(last);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() throws Exception {
        xml.close();
        sheet.close();
    }
}
