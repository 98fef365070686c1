package kafkacourse.kit.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course start}: set-up, the course cluster, Jupyter (installed when missing), then the notebook URL.
 * Runs until Jupyter stops (Ctrl+C); the cluster keeps running afterwards.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "강좌 시작: 빌드 + 커널 설치 + 클러스터 시작 + 노트북(Jupyter) 열기.")
final class StartCommand implements Callable<Integer> {

    @Option(names = "--no-browser", description = "브라우저를 열지 않고 주소만 출력합니다(서버, CI).")
    boolean noBrowser;

    @Option(names = "--port", defaultValue = "8888", description = "Jupyter 포트(사용 중이면 다음 빈 포트, 기본: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--cluster-port", defaultValue = "19092", description = "클러스터의 첫 브로커 포트(기본: ${DEFAULT-VALUE})")
    int clusterPort;

    @Option(names = "--lab", description = "JupyterLab 으로 엽니다(설치되어 있을 때; 있으면 기본).")
    boolean lab;

    @Option(names = "--classic", description = "클래식 Notebook 화면으로 엽니다.")
    boolean classic;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        SetupCommand.run();
        ClusterCommand.Up up = new ClusterCommand.Up();
        up.port = clusterPort;
        up.call();

        Optional<JupyterPython> jupyter = JupyterPython.find().or(() -> new JupyterProvisioner().provision());
        if (jupyter.isEmpty()) {
            return 2;
        }
        boolean useLab = jupyter.get().hasLab() && (!classic || !jupyter.get().ui().equals("notebook"));
        if (lab && !jupyter.get().hasLab()) {
            System.out.println("[Jupyter] JupyterLab 이 없어 클래식 Notebook 으로 엽니다.");
        }
        System.out.println("[Jupyter] 시작합니다: " + jupyter.get().python() + " -m " + (useLab ? "jupyterlab" : "notebook"));
        JupyterServer server = JupyterServer.start(jupyter.get(), useLab, port);
        Thread stopper = new Thread(() -> {
            server.stop();
            System.out.println("\n[Jupyter] 닫았습니다. 클러스터는 계속 실행 중입니다(내리기: ./course cluster down).");
        }, "stop-jupyter");
        Runtime.getRuntime().addShutdownHook(stopper);

        System.out.printf("%n✔ 강좌가 준비되었습니다 (%.1f초). 노트북 폴더: %s%n", (System.nanoTime() - t0) / 1e9, CourseLayout.notebooks());
        System.out.println("  먼저 01-what-is-kafka.ipynb 를 여세요. 커널: \"" + KernelInstaller.DISPLAY_NAME + "\"");
        System.out.println("  클러스터 상태: ./course cluster status    Jupyter 종료: Ctrl+C");
        if (!noBrowser && !Platform.openBrowser(server.url())) {
            System.out.println("  (브라우저를 열 수 없어 주소만 알려 드립니다)");
        }
        System.out.println("노트북 주소: " + server.url());
        System.out.flush();
        int rc = server.waitFor();
        return rc == 0 || rc == 143 || rc == 130 ? 0 : rc;
    }
}
