package ai.truedy.loader.intake;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * A workbook's table of shared strings as plain text, read with StAX from the part POI hands over.
 * POI's own read-only table wraps every lookup in a rich-text object, which costs more than the
 * rest of reading a row; the loader needs only the text. Phonetic guides are left out.
 */
final class SharedStringsTable {

    private SharedStringsTable() {
    }

    /** @param part {@code xl/sharedStrings.xml}, or null when the workbook has none */
    static List<String> read(InputStream part) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        if (part == null) {
            return strings;
        }
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part); // no DTDs, no external entities
        try {
            StringBuilder text = null;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String run = xml.getElementText();
                            if (phonetic == 0 && text != null) {
                                text.append(run);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("rPh".equals(xml.getLocalName())) {
                        phonetic--;
                    } else if ("si".equals(xml.getLocalName()) && text != null) {
                        strings.add(text.toString());
                        text = null;
                    }
                }
            }
        } finally {
            xml.close();
        }
        return strings;
    }
}
