package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.LegacyDatumException;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.nio.charset.Charset;

/**
 * Turns the text values of a request (REST form fields, command-line options) into the request's
 * types, refusing bad ones with the import problem a user understands.
 */
public final class RequestValues {

    private RequestValues() {}

    /**
     * A CRS code as users write it: {@code EPSG:4546}, {@code 4546}, {@code GCJ02}, {@code BD-09}; null or
     * blank for "use the file's".
     *
     * @throws ImportException {@code CRS_LEGACY_DATUM} for Beijing 1954 / Xi'an 1980 codes,
     *         {@code CRS_UNSUPPORTED} for anything else unknown
     */
    public static Crs crs(String text, String fileName) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Crs.parse(text);
        } catch (LegacyDatumException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_LEGACY_DATUM, text.strip()), e);
        } catch (RuntimeException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_UNSUPPORTED, text.strip()), e);
        }
    }

    /**
     * A text encoding name ({@code GBK}, {@code GB18030}, {@code UTF-8}); null or blank for "detect".
     *
     * @throws ImportException {@code ENCODING_UNKNOWN}
     */
    public static Charset encoding(String text, String fileName) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(text.strip());
        } catch (RuntimeException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.ENCODING_UNKNOWN, text.strip()), e);
        }
    }
}
