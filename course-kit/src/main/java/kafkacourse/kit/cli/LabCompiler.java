package kafkacourse.kit.cli;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one source tree with the JDK's own compiler, in this JVM, with the options the course's Maven build uses
 * ({@code --release 17 -parameters -g}, UTF-8), and copies its resources next to the classes, as
 * {@code maven-compiler-plugin} and {@code maven-resources-plugin} would. Errors come back in Maven's shape
 * ({@code [ERROR] /path/X.java:[line,column] message}) so that {@code ./course grade} shows them the same way.
 */
final class LabCompiler {

    static final String RELEASE = "17";

    private LabCompiler() {
    }

    /** The outcome: error lines (empty when it compiled). */
    record Result(List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Compiles every {@code .java} under {@code sources} into a fresh {@code out}, then copies {@code resources}. */
    static Result compile(Path sources, Path resources, List<Path> classpath, Path out) {
        return compile(List.of(sources), resources, classpath, out);
    }

    /** The same for several source roots compiled together, e.g. a lab's given code and the learner's code. */
    static Result compile(List<Path> sourceRoots, Path resources, List<Path> classpath, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(List.of("[ERROR] 자바 컴파일러(javac)가 없습니다: JRE 가 아니라 JDK 17 이상으로 실행하세요 (지금: "
                    + System.getProperty("java.home") + ")"));
        }
        try {
            deleteTree(out);
            Files.createDirectories(out);
            List<File> files = new java.util.ArrayList<>();
            for (Path sources : sourceRoots) {
                files.addAll(javaFiles(sources));
            }
            if (!files.isEmpty()) {
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.getDefault(), StandardCharsets.UTF_8)) {
                    List<String> options = List.of("--release", RELEASE, "-parameters", "-g", "-encoding", "UTF-8",
                            "-d", out.toString(), "-classpath", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
                    StringWriter javacOutput = new StringWriter();
                    boolean ok = javac.getTask(javacOutput, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
                    if (!ok) {
                        List<String> errors = errorLines(diagnostics.getDiagnostics());
                        if (errors.isEmpty()) {
                            errors = List.of("[ERROR] " + javacOutput.toString().strip());
                        }
                        return new Result(errors);
                    }
                }
            }
            copyResources(resources, out);
            return new Result(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("컴파일 결과를 쓸 수 없습니다: " + out + " (" + e.getMessage() + ")", e);
        }
    }

    /** Maven's shape: the first line with file and position, the detail lines (symbol, location) after it. */
    private static List<String> errorLines(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()) + ":[" + d.getLineNumber() + "," + d.getColumnNumber() + "] ";
            List<String> message = d.getMessage(Locale.getDefault()).lines().toList();
            lines.add("[ERROR] " + where + (message.isEmpty() ? "" : message.get(0)));
            message.stream().skip(1).map(l -> "[ERROR] " + l).forEach(lines::add);
        }
        return lines;
    }

    private static List<File> javaFiles(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().map(Path::toFile).toList();
        }
    }

    private static void copyResources(Path resources, Path out) throws IOException {
        if (!Files.isDirectory(resources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = out.resolve(resources.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
