package kafkacourse.kit.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Grades a lab without Maven: {@code java -cp <lab test classpath> kafkacourse.kit.grading.LabRunner kafkacourse.lab01}
 * runs the lab's tests through the JUnit Platform launcher, with the kit's grading and room listeners
 * (ServiceLoader) exactly as under surefire. Set {@code -Dcourse.grading=true}, {@code -Dcourse.lab.id} and
 * {@code -Dcourse.build.dir} as the lab pom does. Lets many learners grade the same compiled lab at once, each in its
 * own JVM with its own environment and build directory (the workshop load test in {@code .ci/run}).
 * Exit code 0 when every test passed, 1 otherwise.
 *
 * <p>An argument that is a directory (a lab's compiled test classes, as {@code ./course grade} passes it) selects the
 * test classes in it the way surefire does by default: names {@code Test*}, {@code *Test}, {@code *Tests},
 * {@code *TestCase}, no nested classes.
 */
public final class LabRunner {

    /** Surefire's default includes ({@code **}{@code /Test*.java, **}{@code /*Test.java, *Tests.java, *TestCase.java}). */
    static final String SUREFIRE_INCLUDES = "^(.*\\.)?(Test[^.]*|[^.]*Test|[^.]*Tests|[^.]*TestCase)$";

    private LabRunner() {
    }

    private static DiscoverySelector selector(String packageOrDirectory) {
        Path dir = Path.of(packageOrDirectory);
        if (Files.isDirectory(dir)) {
            return selectClasspathRoots(Set.of(dir.toAbsolutePath())).get(0);
        }
        return selectPackage(packageOrDirectory);
    }

    public static void main(String[] packages) {
        if (packages.length == 0) {
            System.err.println("사용법: LabRunner <테스트 패키지>...  예: kafkacourse.lab01");
            System.exit(2);
        }
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            Launcher launcher = session.getLauncher();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(Arrays.stream(packages).map(LabRunner::selector).toList())
                    .filters(ClassNameFilter.includeClassNamePatterns(SUREFIRE_INCLUDES),
                            ClassNameFilter.excludeClassNamePatterns(".*\\$.*"))
                    .build(), summary);
        }
        long failed = summary.getSummary().getTotalFailureCount();
        long found = summary.getSummary().getTestsFoundCount();
        System.out.printf("[LabRunner] 테스트 %d개, 실패 %d개%n", found, failed);
        System.exit(failed == 0 && found > 0 ? 0 : 1);
    }
}
