package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of one upload, in a folder of the {@link UploadStore}: one zip or GeoPackage or GeoJSON or CSV,
 * or the parts of a shapefile. Files are stored under safe names, unique within the upload. Safe to fill
 * from an upload thread while the page reads it.
 */
public final class UploadBatch {

    private final UploadStore store;
    private final Path folder;
    private final List<String> names = new ArrayList<>();

    UploadBatch(UploadStore store, Path folder) {
        this.store = store;
        this.folder = folder;
    }

    /** Writes a file into a path; used to fill an upload from any source. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path target) throws IOException;
    }

    /** Adds a file from a stream, refusing it (and removing what was written) beyond the size limit. */
    public String add(String clientName, InputStream in) {
        long room = store.maxBytes() - size();
        return add(clientName, target -> {
            try (InputStream source = in;
                    OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[1 << 16];
                long written = 0;
                int n;
                while ((n = source.read(buffer)) > 0) {
                    written += n;
                    if (written > room) {
                        throw new LimitExceeded(written);
                    }
                    out.write(buffer, 0, n);
                }
            }
        });
    }

    /**
     * Adds a file that {@code writer} writes (e.g. a multipart file's {@code transferTo}).
     *
     * @return the name it is stored and shown under
     * @throws ImportException TOO_LARGE when the upload grows beyond the limit
     */
    public String add(String clientName, Writer writer) {
        String name;
        synchronized (this) {
            name = unique(UploadStore.safeName(clientName));
            names.add(name);
        }
        Path target = folder.resolve(name);
        long before = size();
        try {
            writer.writeTo(target);
        } catch (LimitExceeded e) {
            remove(name);
            throw new ImportException(ImportIssue.ofFile(
                    name,
                    IssueCode.TOO_LARGE,
                    UploadCheck.megabytes(before + e.bytes),
                    UploadCheck.megabytes(store.maxBytes())));
        } catch (IOException e) {
            remove(name);
            throw new UncheckedIOException("cannot store the upload " + name, e);
        }
        long total = size();
        if (total > store.maxBytes()) {
            remove(name);
            throw new ImportException(ImportIssue.ofFile(
                    name, IssueCode.TOO_LARGE, UploadCheck.megabytes(total), UploadCheck.megabytes(store.maxBytes())));
        }
        return name;
    }

    /** Removes a file from the upload. */
    public void remove(String name) {
        synchronized (this) {
            names.remove(name);
        }
        try {
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names, in the order added. */
    public synchronized List<String> names() {
        return List.copyOf(names);
    }

    /** The stored files, in the order added. */
    public synchronized List<Path> files() {
        return names.stream().map(folder::resolve).toList();
    }

    public synchronized boolean isEmpty() {
        return names.isEmpty();
    }

    /** The bytes stored so far. */
    public long size() {
        long total = 0;
        for (Path f : files()) {
            try {
                total += Files.exists(f) ? Files.size(f) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /** The folder the files are in. */
    public Path folder() {
        return folder;
    }

    /** The same files in a new folder (hard links where the file system allows, else copies). */
    public UploadBatch copy() {
        UploadBatch copy = store.newBatch();
        for (String name : names()) {
            Path source = folder.resolve(name);
            Path target = copy.folder.resolve(name);
            try {
                try {
                    Files.createLink(target, source);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                copy.delete();
                throw new UncheckedIOException(e);
            }
            synchronized (copy) {
                copy.names.add(name);
            }
        }
        return copy;
    }

    /** Deletes the folder and its files. */
    public void delete() {
        synchronized (this) {
            names.clear();
        }
        store.delete(folder);
    }

    /** The name, or with " (2)", " (3)" … before the extension when the upload has it already. */
    private String unique(String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; contains(candidate); i++) {
            candidate = stem + " (" + i + ")" + ext;
        }
        return candidate;
    }

    private boolean contains(String name) {
        return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    /** Stops a copy that would go beyond the size limit. */
    private static final class LimitExceeded extends IOException {
        private final long bytes;

        LimitExceeded(long bytes) {
            super("upload over the size limit", null);
            this.bytes = bytes;
        }
    }
}
