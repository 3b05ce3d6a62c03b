package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip into a private folder, refusing what could harm the server: entries that would land
 * outside the folder (zip slip: absolute paths, drive letters, {@code ..}), more entries than allowed, and zip
 * bombs (more unpacked bytes than allowed, counted while unpacking, or an entry compressed beyond any real
 * data). Entry names are read as UTF-8 and, when they are not valid UTF-8 (Windows zips of Chinese names
 * without the UTF-8 flag), as GBK.
 */
final class SafeUnzip {

    private final UploadLimits limits;

    SafeUnzip(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * @param zip      the upload
     * @param fileName the name the user knows it by, for issues
     * @param target   an empty folder
     * @throws ImportException ZIP_SLIP, ZIP_BOMB or CORRUPT_FILE
     */
    void unpack(Path zip, String fileName, Path target) {
        try (ZipFile zipFile = open(zip)) {
            List<? extends ZipEntry> entries = Collections.list(zipFile.entries());
            if (entries.size() > limits.maxEntries()) {
                throw new ImportException(ImportIssue.ofFile(
                        fileName, IssueCode.ZIP_TOO_MANY_ENTRIES, entries.size(), limits.maxEntries()));
            }
            for (ZipEntry entry : entries) {
                resolve(target, entry.getName(), fileName);
            }
            long total = 0;
            for (ZipEntry entry : entries) {
                Path path = resolve(target, entry.getName(), fileName);
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                total = copy(zipFile, entry, path, total, fileName);
            }
        } catch (ZipException e) {
            throw new ImportException(
                    ImportIssue.ofFile(fileName, IssueCode.CORRUPT_FILE, "zip: " + e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long copy(ZipFile zipFile, ZipEntry entry, Path path, long totalBefore, String fileName)
            throws IOException {
        long total = totalBefore;
        long written = 0;
        long packed = entry.getCompressedSize();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zipFile.getInputStream(entry);
                OutputStream out = Files.newOutputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                total += n;
                boolean overLimit = total > limits.maxUnpackedBytes();
                boolean bombRatio = written > UploadLimits.RATIO_CHECK_BYTES
                        && packed > 0
                        && Math.max(written, entry.getSize()) / packed > limits.maxCompressionRatio();
                if (overLimit || bombRatio) {
                    throw new ImportException(ImportIssue.ofFile(
                            fileName,
                            IssueCode.ZIP_BOMB,
                            UploadLimits.megabytes(total),
                            UploadLimits.megabytes(limits.maxUnpackedBytes())));
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** Names are UTF-8 unless they are not valid UTF-8, then GBK (the JDK reads flagged UTF-8 names either way). */
    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            try {
                return new ZipFile(zip.toFile(), Charset.forName("GBK"));
            } catch (ZipException retry) {
                e.addSuppressed(retry);
                throw e;
            }
        }
    }

    /** The path of an entry inside {@code target}, or ZIP_SLIP for names that would leave it. */
    private static Path resolve(Path target, String name, String fileName) {
        String normal = name.replace('\\', '/');
        List<String> segments = new ArrayList<>(List.of(normal.split("/")));
        boolean absolute = normal.startsWith("/") || normal.matches("^[A-Za-z]:.*");
        if (absolute || segments.contains("..") || normal.indexOf('\0') >= 0) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.ZIP_SLIP, name));
        }
        segments.removeIf(s -> s.isEmpty() || s.equals("."));
        Path path = target;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        path = path.normalize();
        if (!path.startsWith(target)) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.ZIP_SLIP, name));
        }
        return path;
    }
}
