package cn.yiyang.planning.importer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A private temporary folder (an unpacked zip, the parts of an upload, a GDAL conversion), deleted on close. */
final class TempDir implements AutoCloseable {

    private final Path path;

    private TempDir(Path path) {
        this.path = path;
    }

    static TempDir create() {
        try {
            return new TempDir(Files.createTempDirectory("planning-import-").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the upload", e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the folder and everything in it; best effort (a file still open on Windows stays). */
    @Override
    public void close() {
        try {
            FileTrees.delete(path);
        } catch (IOException e) {
            // Left for the operating system's temp cleaning; nothing the import can do about it.
        }
    }
}
