package kafkacourse.kit.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * {@code ./course setup}: compiles the labs and installs the notebook kernel. (The bootstrap script has built the kit
 * itself before this runs: {@code setup} always rebuilds it, other commands only when its jar is missing.)
 */
@Command(name = "setup", mixinStandardHelpOptions = true, description = "빌드하고 Kafka 브로커 jar와 노트북 커널을 준비합니다.")
final class SetupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        run();
        return 0;
    }

    static void run() {
        CourseLayout.warnIfKitStale();
        long t0 = System.nanoTime();
        System.out.println("▶ 실습 코드를 컴파일합니다 ...");
        Path log = CourseLayout.target().resolve("course-setup.log");
        // Lab code is the learner's work in progress: a lab that does not compile yet must not stop the course.
        int rc = Processes.run(CourseLayout.maven("-q", "compile"), CourseLayout.root(), log, Map.of(), Duration.ofMinutes(15));
        if (rc != 0) {
            System.out.println("  (아직 컴파일되지 않는 실습 코드가 있습니다. 채점할 때 어디인지 알려 드립니다: ./course grade)");
        }
        // ./course grade compiles and runs a lab without Maven, with the classpaths Maven resolves here once.
        List<String> labs = CourseLayout.labDirs().stream().map(d -> d.getFileName().toString()).toList();
        LabClasspath.resolve(CourseLayout.root(), labs, CourseLayout.target().resolve("course-grade-classpath.log"));
        System.out.printf("✔ 빌드 완료 (%.1f초)%n", (System.nanoTime() - t0) / 1e9);
        new KernelInstaller().install();
    }
}
