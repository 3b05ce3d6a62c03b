package cn.yiyang.planning.importer.source;

import java.nio.charset.Charset;

/** The text encoding used to read the file's names and values, and how it was chosen. */
public record DetectedEncoding(Charset charset, Detection how) {}
