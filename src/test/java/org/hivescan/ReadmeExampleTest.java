package org.hivescan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.hivescan.hive.Hive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example in README.md compiles as it is written and prints what the hive holds. */
class ReadmeExampleTest {
    private static final Pattern LIBRARY_EXAMPLE = Pattern.compile(
            "## Using hivescan as a library.*?```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theLibraryExampleCompilesAndReadsTheBuild(@TempDir Path dir) throws Exception {
        String readme = Files.readString(TestPaths.testdata().getParent().resolve("README.md"));
        Matcher m = LIBRARY_EXAMPLE.matcher(readme);
        assertThat(m.find()).as("README has a library example").isTrue();
        Path software = TestPaths.testdata().resolve("hosts/05-2016-defaults/SOFTWARE").toAbsolutePath();
        Path source = dir.resolve("ReadmeExample.java");
        Files.writeString(source, asClass(m.group(1), software));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classes = Path.of(Hive.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "--release", "17", "-cp", classes, "-d",
                dir.toString(), source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(run(dir)).isEqualTo("build 14393, header 1.5" + System.lineSeparator());
    }

    /** Imports stay at the top; the rest becomes the body of main, reading the bundled host's SOFTWARE. */
    private static String asClass(String example, Path software) {
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : example.split("\n")) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append("        ").append(line).append('\n');
            }
        }
        String code = body.toString().replace("Path.of(\"SOFTWARE\")",
                "Path.of(\"" + software.toString().replace("\\", "\\\\") + "\")");
        return String.join("\n", imports) + "\n\npublic class ReadmeExample {\n"
                + "    public static void main(String[] args) throws Exception {\n" + code + "    }\n}\n";
    }

    private static String run(Path dir) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("ReadmeExample").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
