package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What can be refused at once, before an import is queued, without reading the data: an empty file
 * (EMPTY_FILE), an upload over the size limit (TOO_LARGE) and a zip with an entry that would be unpacked
 * outside its folder (ZIP_SLIP, judged from the zip's directory, recognised by content). Everything else
 * (corrupt files, zip bombs, formats, coordinate systems) is found by the import itself and shown in its
 * status. The readers check all of this again when they open the files.
 */
final class UploadCheck {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final long maxBytes;

    UploadCheck(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws ImportException EMPTY_FILE, TOO_LARGE or ZIP_SLIP, naming the file
     */
    void check(List<Path> files, List<String> names) {
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = names.get(i);
            long size = size(file);
            total += size;
            if (size == 0) {
                throw new ImportException(ImportIssue.ofFile(name, IssueCode.EMPTY_FILE));
            }
            if (total > maxBytes) {
                throw new ImportException(
                        ImportIssue.ofFile(name, IssueCode.TOO_LARGE, megabytes(total), megabytes(maxBytes)));
            }
            if (isZip(file)) {
                checkEntries(file, name);
            }
        }
    }

    private static void checkEntries(Path zip, String name) {
        for (ZipEntry entry : entries(zip)) {
            String n = entry.getName().replace('\\', '/');
            boolean absolute = n.startsWith("/") || n.matches("^[A-Za-z]:.*");
            if (absolute || Arrays.asList(n.split("/")).contains("..") || n.indexOf('\0') >= 0) {
                throw new ImportException(ImportIssue.ofFile(name, IssueCode.ZIP_SLIP, entry.getName()));
            }
        }
    }

    /** The entries (names as UTF-8, else GBK); none when the zip cannot be read: the import reports that. */
    private static List<? extends ZipEntry> entries(Path zip) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            try (ZipFile z = new ZipFile(zip.toFile(), charset)) {
                return Collections.list(z.entries());
            } catch (ZipException | IllegalArgumentException e) {
                // try the next charset; a broken zip is reported by the import as CORRUPT_FILE
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of();
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
