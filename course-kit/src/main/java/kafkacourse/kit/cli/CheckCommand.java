package kafkacourse.kit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./course check [--full] [--no-practice] [NOTEBOOK...]}: executes the notebooks headlessly (nbconvert, the course
 * kernel) against the course cluster and fails on any cell error. The committed notebooks are never written: executed
 * copies (.ipynb + .html) go to {@code target/notebooks/}. Workloads are small unless {@code --full} (or NB_* variables).
 * <p>
 * The notebooks' exercises are proven honest in the same execution ({@link NotebookPractice}): every check must print ✘
 * with the committed blank, ✘ with each wrong prediction of the answer overlay and ✔ with its answer. {@code --no-practice}
 * runs the notebooks exactly as committed (blanks ✘ only); {@code --verdicts} executes nothing and reports what the last
 * run's executed copies show, failing unless every chapter notebook has exercises and all of them were proven.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "모든 노트북을 화면 없이 실행해 봅니다(클러스터를 켭니다). 실행본: target/notebooks/")
final class CheckCommand implements Callable<Integer> {

    /** Committed notebooks carry no outputs: prints the names of those that do. */
    private static final String DIRTY = """
            import glob, os, sys, nbformat
            for path in sorted(glob.glob(os.path.join(sys.argv[1], "[0-9][0-9]-*.ipynb"))):
                nb = nbformat.read(path, as_version=4)
                if any(c.cell_type == "code" and (c.outputs or c.execution_count) for c in nb.cells):
                    print(os.path.basename(path))
            """;

    @Option(names = "--full", description = "노트북의 원래 작업량으로 실행합니다(기본: CI용 작은 작업량).")
    boolean full;

    @Option(names = "--no-practice", description = "연습의 답 파일을 넣어 보지 않고 커밋된 그대로만 실행합니다(빈칸은 ✘ 인지만 봅니다).")
    boolean noPractice;

    @Option(names = "--verdicts", description = "실행하지 않고, 마지막 실행본(target/notebooks/)의 연습 결과만 보고합니다.")
    boolean verdictsOnly;

    @Parameters(arity = "0..*", paramLabel = "NOTEBOOK", description = "실행할 노트북(예: 04-components.ipynb; 없으면 전부)")
    List<String> selected = new ArrayList<>();

    private static void say(String line) {
        System.out.println("[노트북 점검] " + line);
    }

    @Override
    public Integer call() throws Exception {
        if (verdictsOnly) {
            return PracticeReport.report(CourseLayout.notebooks(), CourseLayout.target().resolve("notebooks"), selected);
        }
        JupyterPython jupyter = JupyterPython.find().orElseThrow(() -> new IllegalArgumentException(
                "nbconvert 가 있는 Jupyter가 없습니다. ./course start 가 설치하거나, 직접: " + JupyterProvisioner.manualCommand()));
        Path notebooks = CourseLayout.notebooks();
        Processes.Result dirty = Processes.capture(List.of(jupyter.python().toString(), "-c", DIRTY, notebooks.toString()),
                Duration.ofMinutes(1));
        if (!dirty.ok() || !dirty.output().isBlank()) {
            say("출력이 저장된 노트북이 있습니다(출력 없이 커밋해야 합니다): " + dirty.output().strip().replace('\n', ' '));
            say("  지우기: " + jupyter.python() + " -m nbconvert --clear-output --inplace notebooks/NN-*.ipynb");
            return 1;
        }
        // The kernel and the cluster (both idempotent; the kernelspec is rewritten for this checkout).
        new KernelInstaller().install();
        ClusterCommand.Up up = new ClusterCommand.Up();
        up.port = 19092;
        up.call();

        Map<String, String> env = new HashMap<>();
        if (!full) {
            env.put("NB_RECORDS", System.getenv().getOrDefault("NB_RECORDS", "3000"));
            env.put("NB_IO_MB", System.getenv().getOrDefault("NB_IO_MB", "16"));
            env.put("NB_SECONDS", System.getenv().getOrDefault("NB_SECONDS", "4"));
        }
        int cellTimeout = Integer.parseInt(System.getenv().getOrDefault("NB_CELL_TIMEOUT", "300"));
        List<String> names = selected.isEmpty() ? allNotebooks(notebooks) : selected.stream().map(s -> Path.of(s).getFileName().toString()).toList();
        Path out = CourseLayout.target().resolve("notebooks");
        Files.createDirectories(out);
        linkImages(notebooks, out);

        List<String> report = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long total = System.nanoTime();
        for (String nb : names) {
            if (!Files.isRegularFile(notebooks.resolve(nb))) {
                say("노트북이 없습니다: " + nb);
                failed.add(nb);
                continue;
            }
            long t0 = System.nanoTime();
            Path log = out.resolve(nb.replaceAll("\\.ipynb$", "") + ".log");
            Files.deleteIfExists(log);
            Optional<Map<String, NotebookPractice.Exercise>> overlay = noPractice ? Optional.empty() : NotebookPractice.overlay(notebooks, nb);
            // With an answer overlay the notebook runs once with the wrong and right predictions put in after each check:
            // from a temporary copy beside the notebook, so relative paths (images/, ../labs/...) stay as they are.
            String input = nb;
            if (overlay.isPresent()) {
                input = ".check-" + nb;
                try {
                    NotebookPractice.write(NotebookPractice.withOverlay(NotebookPractice.read(notebooks.resolve(nb)), overlay.get()), notebooks.resolve(input));
                } catch (IllegalArgumentException e) {
                    say(nb + ": 답 파일을 넣을 수 없습니다: " + e.getMessage());
                    failed.add(nb);
                    report.add(String.format("%-28s %6.1f초  %s", nb, 0.0, "실패 (답 파일)"));
                    continue;
                }
            }
            Files.deleteIfExists(out.resolve(nb));
            boolean ok;
            try {
                ok = execute(jupyter, input, nb, out, log, env, cellTimeout);
                // A kernel that does not answer kernel_info in time is not a notebook error: such a run is retried once.
                if (!ok && kernelStartFailed(log)) {
                    say(nb + ": 커널이 시작 중에 응답하지 않아 한 번 더 실행합니다");
                    ok = execute(jupyter, input, nb, out, log, env, cellTimeout);
                }
            } finally {
                if (!input.equals(nb)) {
                    Files.deleteIfExists(notebooks.resolve(input));
                }
            }
            String practice = "";
            boolean executed = ok;
            if (ok) {
                NotebookPractice.Outcome outcome = NotebookPractice.outcome(NotebookPractice.read(out.resolve(nb)), overlay);
                if (!noPractice && overlay.isEmpty() && !outcome.ids().isEmpty()) {
                    outcome.problems().add("연습 " + outcome.ids() + " 의 답 파일이 없습니다: " + CourseLayout.root().relativize(NotebookPractice.overlayFile(notebooks, nb)));
                }
                practice = "  " + outcome.summary();
                if (!outcome.ok()) {
                    ok = false;
                    outcome.failures().forEach(f -> say(nb + ": " + f));
                }
            }
            if (executed) {
                Processes.run(jupyter.module("nbconvert", "--to", "html", "--output-dir", out.toString(), out.resolve(nb).toString()),
                        notebooks, log, Map.of(), Duration.ofMinutes(5));
            }
            if (!executed) {
                String lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.matches("^\\[[0-9-]+ [0-9:]+\\] \\[(INFO|FINE).*")).toList().stream()
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                List<String> all = lines.lines().toList();
                all.subList(Math.max(0, all.size() - 25), all.size()).forEach(l -> System.err.println("    | " + l));
            }
            if (!ok) {
                failed.add(nb);
            }
            String row = String.format("%-28s %6.1f초  %s%s", nb, (System.nanoTime() - t0) / 1e9, ok ? "통과" : "실패", practice);
            report.add(row);
            say(row);
        }
        System.out.println();
        say("결과 (실행본: target/notebooks/)");
        report.forEach(r -> System.out.println("  " + r));
        say(String.format("전체 %d개, 실패 %d개, 총 %.1f초", names.size(), failed.size(), (System.nanoTime() - total) / 1e9));
        if (!failed.isEmpty()) {
            say("실패한 노트북: " + String.join(" ", failed) + " (로그: target/notebooks/*.log)");
            return 1;
        }
        return 0;
    }

    private static boolean execute(JupyterPython jupyter, String input, String nb, Path out, Path log, Map<String, String> env, int cellTimeout) {
        List<String> cmd = jupyter.module("nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KernelInstaller.KERNEL_NAME,
                "--ExecutePreprocessor.timeout=" + cellTimeout,
                "--ExecutePreprocessor.startup_timeout=40",
                "--output-dir", out.toString(), "--output", nb, input);
        return Processes.run(cmd, CourseLayout.notebooks(), log, env, Duration.ofSeconds(cellTimeout * 20L)) == 0;
    }

    private static boolean kernelStartFailed(Path log) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        return text.contains("Kernel didn't respond") || text.contains("Kernel died before replying");
    }

    private static List<String> allNotebooks(Path notebooks) throws IOException {
        try (Stream<Path> files = Files.list(notebooks)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
    }

    /** The rendered HTML shows the diagrams too (a link where the OS allows one, else a copy). */
    private static void linkImages(Path notebooks, Path out) {
        Path images = out.resolve("images");
        try {
            if (Files.isSymbolicLink(images) || !Files.exists(images)) {
                Files.deleteIfExists(images);
                Files.createSymbolicLink(images, notebooks.resolve("images"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            say("(그림 폴더를 연결하지 못했습니다: " + e.getMessage() + ")");
        }
    }
}
