package ma.marsad.pipeline.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;

/**
 * Reads the small parts of an XLSX package (workbook, styles, shared strings) with POI's hardened StAX factory, and
 * turns any failure of POI or of the XML parser into a file rejection with a reason code.
 */
final class XlsxParts {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();
    private static final int PROLOG_BYTES = 64 * 1024;

    private XlsxParts() {}

    /** A sheet as the workbook lists it. */
    record SheetEntry(String name, String relationId) {}

    /** The workbook part: its sheets in order and its date system. */
    record Workbook(List<SheetEntry> sheets, boolean date1904) {}

    static XMLStreamReader openXml(InputStream in) throws XMLStreamException {
        return XML.createXMLStreamReader(in);
    }

    /**
     * Advances to the next start or end element, refusing a document type declaration: DTDs carry the entity
     * declarations behind XXE and entity-expansion attacks, and no genuine spreadsheet part has one.
     */
    static int nextElement(XMLStreamReader xml) throws XMLStreamException, FileRejectedException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw unsafeXml("a document type declaration");
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /**
     * The text content of the current element and its descendants, leaving the reader on its end tag; longer than
     * {@code maxChars} rejects the file ({@code CELL_TOO_LONG}) before more is held.
     */
    static String elementText(XMLStreamReader xml, int maxChars, String where)
            throws XMLStreamException, FileRejectedException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if ((long) text.length() + xml.getTextLength() > maxChars) {
                        throw cellTooLong(where, maxChars);
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION ->
                    throw unsafeXml("a document type declaration");
                default -> {
                    // comments and processing instructions carry no cell text
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element and its descendants, holding none of their text. */
    static void skipElement(XMLStreamReader xml) throws XMLStreamException, FileRejectedException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw unsafeXml("a document type declaration");
            }
        }
    }

    static FileRejectedException cellTooLong(String where, int maxChars) {
        return new FileRejectedException(
                ReasonCode.CELL_TOO_LONG,
                where + " holds more than " + maxChars + " characters",
                Map.of("cell", where, "max", maxChars));
    }

    static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Refuses the package when any XML part declares a DOCTYPE or an entity. Only the prolog (before the root element)
     * can hold one, so only the first bytes of each part are read.
     */
    static void checkPrologs(OPCPackage pkg) throws Exception {
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            String contentType = part.getContentType() == null ? "" : part.getContentType();
            // POI parses the core properties itself, with its hardened parser, when it opens the package
            boolean parsedByPoi = part instanceof PackagePropertiesPart;
            if (parsedByPoi || !(name.endsWith(".xml") || name.endsWith(".rels") || contentType.contains("xml"))) {
                continue;
            }
            try (InputStream in = part.getInputStream()) {
                if (in != null && prologDeclaresDoctype(in.readNBytes(PROLOG_BYTES))) {
                    throw unsafeXml("a DOCTYPE or ENTITY declaration in "
                            + part.getPartName().getName());
                }
            }
        }
    }

    static boolean prologDeclaresDoctype(byte[] head) {
        // drop NUL bytes so a UTF-16 prolog reads like ASCII
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\0", "");
        int end = text.length();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '<' && Character.isLetter(text.charAt(i + 1))) {
                end = i;
                break;
            }
        }
        String prolog = text.substring(0, end).toUpperCase(Locale.ROOT);
        return prolog.contains("<!DOCTYPE") || prolog.contains("<!ENTITY");
    }

    static Workbook readWorkbook(InputStream in) throws XMLStreamException, FileRejectedException {
        List<SheetEntry> sheets = new ArrayList<>();
        boolean date1904 = false;
        XMLStreamReader xml = openXml(in);
        try {
            while (nextElement(xml) != XMLStreamConstants.END_DOCUMENT) {
                if (!xml.isStartElement()) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "workbookPr" -> date1904 = isTrue(attribute(xml, "date1904"));
                    case "sheet" -> {
                        String name = attribute(xml, "name");
                        String id = relationshipId(xml);
                        if (name != null && id != null) {
                            sheets.add(new SheetEntry(name, id));
                        }
                    }
                    default -> {
                        // other workbook settings do not affect reading values
                    }
                }
            }
        } finally {
            xml.close();
        }
        return new Workbook(List.copyOf(sheets), date1904);
    }

    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Which cell formats ({@code cellXfs} indexes) display numbers as dates. */
    static boolean[] readDateStyles(InputStream in) throws XMLStreamException, FileRejectedException {
        if (in == null) {
            return new boolean[0];
        }
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> cellFormatIds = new ArrayList<>();
        boolean inCellXfs = false;
        XMLStreamReader xml = openXml(in);
        try {
            int event;
            while ((event = nextElement(xml)) != XMLStreamConstants.END_DOCUMENT) {
                String name = xml.getLocalName();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (name.equals("cellXfs")) {
                        inCellXfs = false;
                    }
                    continue;
                }
                switch (name) {
                    case "numFmt" -> {
                        Integer id = parseIntOrNull(attribute(xml, "numFmtId"));
                        String code = attribute(xml, "formatCode");
                        if (id != null && code != null) {
                            formats.put(id, code);
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            Integer id = parseIntOrNull(attribute(xml, "numFmtId"));
                            cellFormatIds.add(id == null ? 0 : id);
                        }
                    }
                    default -> {
                        // fonts, fills and borders do not change values
                    }
                }
            }
        } finally {
            xml.close();
        }
        boolean[] dates = new boolean[cellFormatIds.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = cellFormatIds.get(i);
            String code = formats.getOrDefault(id, id < 0 || id > 0xFFFF ? null : BuiltinFormats.getBuiltinFormat(id));
            dates[i] = code == null ? DateUtil.isInternalDateFormat(id) : DateUtil.isADateFormat(id, code);
        }
        return dates;
    }

    /**
     * The shared strings, in order; rich-text runs are joined and phonetic runs ({@code rPh}) left out. Each entry is
     * capped like a cell, and the table as {@link SharedStrings} caps it.
     */
    static SharedStrings readSharedStrings(InputStream in, int maxCellChars)
            throws XMLStreamException, FileRejectedException {
        SharedStrings strings = new SharedStrings();
        if (in == null) {
            return strings;
        }
        XMLStreamReader xml = openXml(in);
        try {
            StringBuilder current = null;
            int event;
            while ((event = nextElement(xml)) != XMLStreamConstants.END_DOCUMENT) {
                String name = xml.getLocalName();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (name.equals("si") && current != null) {
                        strings.add(decodeEscapes(current.toString()));
                        current = null;
                    }
                    continue;
                }
                switch (name) {
                    case "si" -> current = new StringBuilder();
                    case "rPh" -> skipElement(xml);
                    case "t" -> {
                        String where = "shared string " + (strings.size() + 1);
                        int room = current == null ? maxCellChars : maxCellChars - current.length();
                        String text = elementText(xml, Math.max(0, room), where);
                        if (current != null) {
                            current.append(text);
                        }
                    }
                    default -> {
                        // run properties carry formatting only
                    }
                }
            }
        } finally {
            xml.close();
        }
        return strings;
    }

    /** Decodes OOXML's {@code _xHHHH_} escapes (e.g. {@code _x000D_} for a carriage return). */
    static String decodeEscapes(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 6 < text.length()
                    && text.charAt(i) == '_'
                    && text.charAt(i + 1) == 'x'
                    && text.charAt(i + 6) == '_'
                    && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isTrue(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    static Integer parseIntOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static FileRejectedException unsafeXml(String what) {
        return new FileRejectedException(
                ReasonCode.UNSAFE_XML,
                "the workbook contains " + what + ", which is refused for safety: save it again from Excel",
                Map.of("detail", what));
    }

    /**
     * The part's stream, refusing the workbook ({@code PART_TOO_LARGE}) once more than {@link
     * ReaderLimits#MAX_PART_BYTES} bytes come out of it, whatever its zip entry declares.
     */
    static InputStream capped(InputStream in, String part) {
        if (in == null) {
            return null;
        }
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(0, n));
                return n;
            }

            private void count(int n) throws PartLimitExceeded {
                read += n;
                if (read > ReaderLimits.MAX_PART_BYTES) {
                    throw new PartLimitExceeded(new FileRejectedException(
                            ReasonCode.PART_TOO_LARGE,
                            part + " is larger than " + ReaderLimits.MAX_PART_BYTES + " bytes uncompressed",
                            Map.of("part", part, "max", ReaderLimits.MAX_PART_BYTES)));
                }
            }
        };
    }

    /** Carries a rejection out of a part's stream through the XML parser, which only passes I/O failures on. */
    static final class PartLimitExceeded extends IOException {
        final transient FileRejectedException rejection;

        PartLimitExceeded(FileRejectedException rejection) {
            super(rejection.getMessage());
            this.rejection = rejection;
        }
    }

    static void checkPartCount(OPCPackage pkg) throws Exception {
        int parts = pkg.getParts().size();
        if (parts > ReaderLimits.MAX_PARTS) {
            throw tooManyParts(parts);
        }
    }

    private static FileRejectedException tooManyParts(Object detail) {
        return new FileRejectedException(
                ReasonCode.TOO_MANY_PARTS,
                "the workbook has more than " + ReaderLimits.MAX_PARTS + " parts (" + detail + ")",
                Map.of("max", ReaderLimits.MAX_PARTS));
    }

    /** Maps a failure of POI, the zip layer or the XML parser on a malformed package to a reason code. */
    static FileRejectedException classify(Throwable failure) {
        if (failure instanceof FileRejectedException rejected) {
            return rejected;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PartLimitExceeded exceeded) {
                return exceeded.rejection;
            }
            if (t instanceof XMLStreamException xml && xml.getNestedException() instanceof PartLimitExceeded nested) {
                return nested.rejection;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("more internal file entries than expected")) {
                return tooManyParts("POI's file count limit");
            }
            if (message.contains("Zip bomb")) {
                return new FileRejectedException(
                        ReasonCode.ZIP_BOMB,
                        "the workbook expands far more than a spreadsheet does (zip bomb protection): re-save it",
                        Map.of("detail", firstLine(message)));
            }
            if (message.contains("DOCTYPE") || message.contains("DTD") || message.contains("ENTITY")) {
                return unsafeXml("a document type declaration");
            }
        }
        String detail = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage()));
        return new FileRejectedException(
                ReasonCode.NOT_XLSX,
                "the file is not a readable XLSX workbook (" + detail + "): save it as .xlsx",
                Map.of("detail", detail));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only stream: nothing to lose
            }
        }
    }
}
