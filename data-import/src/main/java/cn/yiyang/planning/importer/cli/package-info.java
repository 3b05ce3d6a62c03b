/**
 * The command line for bulk and scheduled imports: {@link cn.yiyang.planning.importer.cli.ImportCommand}
 * (options, running through the import service, progress, summary and problems in Chinese or English,
 * exit codes) and {@link cn.yiyang.planning.importer.cli.ImportMain}, its {@code main}, which wires the
 * file readers. No Spring.
 */
package cn.yiyang.planning.importer.cli;
