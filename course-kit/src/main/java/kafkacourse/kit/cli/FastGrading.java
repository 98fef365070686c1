package kafkacourse.kit.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code ./course grade labNN} without Maven: the lab's code and tests are compiled in this JVM ({@link LabCompiler})
 * against the classpaths Maven resolved once ({@link LabClasspath}), then the tests run in one test JVM through the
 * kit's {@code LabRunner}, with the system properties surefire gives them, so the same {@code GradingListener}
 * writes the same {@code target/grade.json} and score table. {@code mvn test} stays the canonical grader; this is
 * its shortcut. The classes go to {@code target/course-grading/<sources>/}, never into Maven's {@code target/classes}
 * (Maven's incremental build must not mistake them for its own).
 */
final class FastGrading {

    /** What happened to one lab: graded, or the compiler's errors (in Maven's shape). */
    record Outcome(List<String> compileErrors) {
        boolean graded() {
            return compileErrors.isEmpty();
        }
    }

    private final Path root;
    private final Path log;

    FastGrading(Path root, Path log) {
        this.root = root;
        this.log = log;
    }

    /** Compiles (when its inputs changed) and runs the graded tests of {@code lab}; compile errors go to the log. */
    Outcome grade(String lab, LabClasspath classpath, boolean solutions) {
        Path labDir = root.resolve("labs").resolve(lab);
        String sources = solutions ? "solutions" : "learner";
        Path work = labDir.resolve("target/course-grading").resolve(sources);
        Path classes = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        Path mainSources = solutions ? root.resolve("solutions").resolve(lab).resolve("src/main/java") : labDir.resolve("src/main/java");
        // The given code (labs/<lab>/src/given/java) is the second source root of both builds, as in labs/pom.xml.
        Path givenSources = labDir.resolve("src/given/java");
        List<Path> inputs = List.of(mainSources, givenSources, labDir.resolve("src/main/resources"), labDir.resolve("src/test/java"), labDir.resolve("src/test/resources"));
        Path stamp = work.resolve("inputs.sha256");
        String key = inputKey(inputs, classpath);
        long t0 = System.nanoTime();
        String compiled = "바뀐 코드 없음";
        if (!key.equals(read(stamp)) || !Files.isDirectory(testClasses)) {
            delete(stamp);
            LabCompiler.Result main = LabCompiler.compile(List.of(givenSources, mainSources), labDir.resolve("src/main/resources"), classpath.compile(), classes);
            if (!main.ok()) {
                appendToLog(main.errors());
                return new Outcome(main.errors());
            }
            List<Path> testCompile = new ArrayList<>(List.of(classes));
            testCompile.addAll(classpath.test());
            LabCompiler.Result tests = LabCompiler.compile(labDir.resolve("src/test/java"), labDir.resolve("src/test/resources"), testCompile, testClasses);
            if (!tests.ok()) {
                appendToLog(tests.errors());
                return new Outcome(tests.errors());
            }
            write(stamp, key);
            compiled = String.format("%.1f초", (System.nanoTime() - t0) / 1e9);
        }
        long t1 = System.nanoTime();
        runTests(lab, labDir, classes, testClasses, classpath, sources, work);
        System.out.printf("  (%s: 컴파일 %s, 테스트 실행 %.1f초)%n", lab, compiled, (System.nanoTime() - t1) / 1e9);
        return new Outcome(List.of());
    }

    private void runTests(String lab, Path labDir, Path classes, Path testClasses, LabClasspath classpath, String sources, Path work) {
        // Jars first, the lab's class directories after them: the test JVM's class archive covers the jars only.
        List<Path> jars = classpath.test().stream().filter(Files::isRegularFile).toList();
        TestJvmArchive archive = new TestJvmArchive(work, jars);
        List<String> entries = new ArrayList<>(jars.stream().map(Path::toString).toList());
        entries.addAll(List.of(testClasses.toString(), classes.toString()));
        classpath.test().stream().filter(p -> !Files.isRegularFile(p)).forEach(p -> entries.add(p.toString()));
        Path argFile = work.resolve("java.args");
        // The classpath goes into a java argument file: Windows limits a command line to 32 K characters.
        write(argFile, "-cp \"" + String.join(File.pathSeparator, entries).replace("\\", "\\\\") + "\"\n");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", Platform.isWindows() ? "java.exe" : "java").toString());
        // As the root pom's surefire configuration: argLine, then systemPropertyVariables.
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        cmd.addAll(archive.jvmOptions());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("basedir", labDir.toString());
        props.put("course.lab.id", lab);
        props.put("course.lab.dir", labDir.toString());
        props.put("course.build.dir", labDir.resolve("target").toString());
        props.put("course.root", root.toString());
        props.put("course.grading", "true");
        props.put("course.sources", sources);
        props.putAll(surefireProperties(labDir.resolve("pom.xml")));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("@" + argFile);
        cmd.add("kafkacourse.kit.grading.LabRunner");
        cmd.add(testClasses.toString());
        Processes.run(cmd, labDir, log, Map.of(), Duration.ofMinutes(60));
        archive.makeIfListed(log);
    }

    /** The surefire {@code systemPropertyVariables} a lab's own pom adds (e.g. quieter Spring logging in lab 9). */
    static Map<String, String> surefireProperties(Path pom) {
        Map<String, String> props = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            NodeList plugins = doc.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if (!"maven-surefire-plugin".equals(childText(plugin, "artifactId"))) {
                    continue;
                }
                NodeList variables = plugin.getElementsByTagName("systemPropertyVariables");
                for (int j = 0; j < variables.getLength(); j++) {
                    for (Node n = variables.item(j).getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element e && !e.getTextContent().contains("${")) {
                            props.put(e.getTagName(), e.getTextContent().strip());
                        }
                    }
                }
            }
        } catch (Exception e) {
            // a pom the kit cannot read adds nothing: Maven would have told the learner already
        }
        return props;
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    /** A digest of every input file (name, size, time) and the classpath: unchanged → the classes are current. */
    private static String inputKey(List<Path> dirs, LabClasspath classpath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path dir : dirs) {
                sha.update(("dir " + dir + "\n").getBytes(StandardCharsets.UTF_8));
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update((f + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            for (Path jar : classpath.test()) {
                sha.update((jar + " " + Files.getLastModifiedTime(jar).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(("compile " + classpath.compile()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable " + System.nanoTime();
        }
    }

    private void appendToLog(List<String> lines) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.join(System.lineSeparator(), lines) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("채점 준비 파일을 쓸 수 없습니다: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
