package cn.yiyang.planning.importer.job;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** Starts a test main class in a JVM of its own, on the test class path. */
final class ChildJvm {

    private ChildJvm() {}

    static Process start(Class<?> main, List<String> jvmOptions, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** The test class path: Failsafe may start tests through a manifest-only jar, whose manifest lists it. */
    static String classPath() throws Exception {
        String cp = System.getProperty("java.class.path");
        String[] entries = cp.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                String listed = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    List<String> paths = new ArrayList<>();
                    for (String url : listed.split(" ")) {
                        if (!url.isBlank()) {
                            paths.add(Path.of(URI.create(url)).toString());
                        }
                    }
                    return String.join(File.pathSeparator, paths);
                }
            }
        }
        return cp;
    }
}
