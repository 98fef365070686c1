package kafkacourse.kit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kafkacourse.kit.cluster.ClusterHome;

/**
 * A Python that can serve the notebooks and run them headlessly: it has a notebook UI ({@code jupyterlab} or
 * {@code notebook}) and {@code nbconvert}, {@code nbclient}, {@code nbformat}, {@code jupyter_client}.
 *
 * @param python the interpreter
 * @param ui     the module that serves the UI: {@code jupyterlab} or {@code notebook}
 * @param hasLab whether JupyterLab is there (then {@code ./course start} uses it unless {@code --classic})
 */
record JupyterPython(Path python, String ui, boolean hasLab) {

    /** Found by module specs only (nothing imported, so the probe is quick). */
    private static final String PROBE = """
            import importlib.util as u
            need = [m for m in ("nbconvert", "nbclient", "nbformat", "jupyter_client") if u.find_spec(m) is None]
            ui = [m for m in ("notebook", "jupyterlab") if u.find_spec(m) is not None]
            print("usable " + " ".join(ui) if ui and not need else "missing " + " ".join(need or ["notebook"]))
            """;

    /** The course's own environment: {@code <course home>/jupyter}. */
    static Path courseEnvironment() {
        return ClusterHome.courseHome().resolve("jupyter");
    }

    static Path pythonIn(Path venv) {
        return Platform.isWindows() ? venv.resolve("Scripts").resolve("python.exe") : venv.resolve("bin").resolve("python");
    }

    /**
     * The course environment first, then (unless {@code -Dcourse.jupyter.system=false}, for testing the provisioning)
     * Debian's {@code /usr/bin/python3} (a python3 first on PATH may be another interpreter without Jupyter), then
     * {@code python3} and {@code python} on PATH.
     */
    static Optional<JupyterPython> find() {
        return find(Boolean.parseBoolean(System.getProperty("course.jupyter.system", "true")));
    }

    static Optional<JupyterPython> find(boolean includeSystem) {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(pythonIn(courseEnvironment()));
        if (includeSystem) {
            candidates.add(Path.of("/usr/bin/python3"));
            Platform.onPath("python3").ifPresent(candidates::add);
            Platform.onPath("python").ifPresent(candidates::add);
        }
        for (Path python : candidates) {
            Optional<JupyterPython> found = probe(python);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static Optional<JupyterPython> probe(Path python) {
        if (!Files.isExecutable(python)) {
            return Optional.empty();
        }
        Processes.Result r = Processes.capture(List.of(python.toString(), "-c", PROBE), Duration.ofSeconds(30));
        String line = r.output().strip();
        if (!r.ok() || !line.startsWith("usable")) {
            return Optional.empty();
        }
        List<String> ui = new ArrayList<>(List.of(line.substring("usable".length()).trim().split("\\s+")));
        boolean lab = ui.contains("jupyterlab");
        return Optional.of(new JupyterPython(python, ui.contains("notebook") ? "notebook" : "jupyterlab", lab));
    }

    /** {@code python -m <module> <args>}. */
    List<String> module(String module, String... args) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-m", module));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
