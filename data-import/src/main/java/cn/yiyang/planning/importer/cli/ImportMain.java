package cn.yiyang.planning.importer.cli;

import cn.yiyang.planning.importer.job.SourceFactory;
import cn.yiyang.planning.importer.source.SourceOpener;

/**
 * {@code java -cp … cn.yiyang.planning.importer.cli.ImportMain --db … --layer … --file …}: the command
 * line's entry point. All the logic is in {@link ImportCommand}; this class only wires the file
 * readers in.
 */
public final class ImportMain {

    /** Opens files with the readers, under the default upload limits. */
    static final SourceFactory SOURCES = new SourceOpener()::open;

    private ImportMain() {}

    public static void main(String[] args) {
        System.exit(new ImportCommand(SOURCES, System.out, System.err).run(args));
    }
}
