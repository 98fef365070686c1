package kafkacourse.kit.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import kafkacourse.kit.Columns;
import kafkacourse.kit.cluster.ClusterException;
import kafkacourse.kit.cluster.ClusterHome;
import kafkacourse.kit.cluster.ClusterOptions;
import kafkacourse.kit.cluster.LocalKafkaCluster;
import kafkacourse.kit.cluster.SecureClusterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./course cluster up|down|status|kill N|start N}: the learner's interactive 3-broker cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "강좌용 3-브로커 Kafka 클러스터(KRaft)를 올리고 내리고 살펴봅니다.",
        subcommands = {
            ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Status.class,
            ClusterCommand.Kill.class, ClusterCommand.Start.class, ClusterCommand.Reset.class
        })
final class ClusterCommand {

    static LocalKafkaCluster existing() {
        return LocalKafkaCluster.existing(ClusterHome.interactive()).orElseThrow(() -> new ClusterException(
                "강좌 클러스터가 만들어진 적이 없습니다. 먼저 `./course cluster up` 을 실행하세요."));
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "클러스터를 시작합니다(이미 실행 중이면 그대로 둡니다).")
    static final class Up implements Callable<Integer> {
        @Option(names = "--port", description = "첫 브로커 포트. 브로커는 PORT, PORT+1, PORT+2, 컨트롤러는 PORT+10.. (기본: ${DEFAULT-VALUE})",
                defaultValue = "19092")
        int port;

        @Option(names = {"--timeout", "--wait"}, description = "브로커가 준비되기를 기다리는 최대 시간(초, 기본: ${DEFAULT-VALUE}; 느린 컴퓨터는 더 길게)",
                defaultValue = "180")
        int timeoutSeconds = 180;

        @Option(names = "--secure", description = "보안 클러스터: SASL/SCRAM-SHA-512 인증과 ACL 권한 검사(워크숍용, docs-ko/workshop-security.md)")
        boolean secure;

        @Override
        public Integer call() {
            if (secure) {
                SecureClusterConfig.enable(ClusterHome.interactive());
            }
            Optional<LocalKafkaCluster> running = LocalKafkaCluster.attach(ClusterHome.interactive());
            if (running.isPresent()) {
                System.out.println("클러스터가 이미 실행 중입니다: " + running.get().bootstrapServers());
                running.get().close();
                return 0;
            }
            // Every broker process alive but slow to answer (a loaded machine): it is running; starting again would fail.
            Optional<LocalKafkaCluster> alive = LocalKafkaCluster.existing(ClusterHome.interactive())
                    .filter(c -> !c.nodeIds().isEmpty() && c.runningNodes().size() == c.nodeIds().size());
            if (alive.isPresent()) {
                System.out.println("클러스터가 이미 실행 중입니다(응답이 느립니다): " + alive.get().bootstrapServers());
                return 0;
            }
            long t0 = System.nanoTime();
            System.out.println("브로커 3개를 시작합니다 ... (" + ClusterHome.interactive() + ")");
            try (LocalKafkaCluster cluster = LocalKafkaCluster.start(ClusterOptions.interactive(port).withStartTimeout(java.time.Duration.ofSeconds(timeoutSeconds)))) {
                System.out.printf("클러스터가 준비되었습니다 (%.1f초).%n", (System.nanoTime() - t0) / 1e9);
                System.out.println("  bootstrap.servers = " + cluster.bootstrapServers());
                System.out.println("  상태 보기: ./course cluster status   내리기: ./course cluster down");
                if (SecureClusterConfig.isSecure(cluster.home())) {
                    System.out.println("  보안: SASL/SCRAM-SHA-512 + ACL. 강사 접속 설정: " + SecureClusterConfig.instructorConfig(cluster.home()));
                    System.out.println("  학습자 계정 만들기: ./course room add-learners 30");
                }
            }
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "클러스터를 정상 종료합니다(데이터는 남습니다).")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            Optional<LocalKafkaCluster> cluster = LocalKafkaCluster.existing(ClusterHome.interactive());
            if (cluster.isEmpty() || cluster.get().runningNodes().isEmpty()) {
                System.out.println("실행 중인 강좌 클러스터가 없습니다.");
                return 0;
            }
            cluster.get().shutdown();
            System.out.println("클러스터를 내렸습니다. 남은 브로커 프로세스: " + cluster.get().runningNodes().size() + "개");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "브로커별 상태와 KRaft 컨트롤러 리더를 보여 줍니다.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            Optional<LocalKafkaCluster> existing = LocalKafkaCluster.existing(ClusterHome.interactive());
            if (existing.isEmpty() || existing.get().runningNodes().isEmpty()) {
                System.out.println("실행 중인 강좌 클러스터가 없습니다. 시작: ./course cluster up");
                return 3;
            }
            try (LocalKafkaCluster cluster = existing.get()) {
                int controller = activeControllerOrUnknown(cluster);
                System.out.println("bootstrap.servers = " + cluster.bootstrapServers());
                System.out.println(Columns.pad("노드", 6) + Columns.pad("상태", 10) + "역할");
                for (int id : cluster.nodeIds()) {
                    boolean up = cluster.runningNodes().contains(id);
                    System.out.println(Columns.pad(Integer.toString(id), 6) + Columns.pad(up ? "실행 중" : "중지됨", 10)
                            + "브로커+컨트롤러" + (id == controller ? " (활성 컨트롤러)" : ""));
                }
                System.out.println("실행 중인 브로커: " + cluster.runningNodes().size() + "/" + cluster.nodeIds().size());
                System.out.println(contents(cluster));
            }
            return 0;
        }
    }

    /** How much the cluster holds: a cluster that fills up with use shows it here. */
    private static String contents(LocalKafkaCluster cluster) {
        try {
            int topics = cluster.admin().listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS).size();
            int groups = cluster.admin().listGroups().all().get(10, java.util.concurrent.TimeUnit.SECONDS).size();
            return "토픽: " + topics + "개, 그룹: " + groups + "개 (내부 토픽 제외; 모두 지우기: ./course cluster reset)";
        } catch (Exception e) {
            return "(토픽과 그룹 수를 알 수 없습니다: " + e.getMessage() + ")";
        }
    }

    private static int activeControllerOrUnknown(LocalKafkaCluster cluster) {
        try {
            return cluster.activeController();
        } catch (ClusterException e) {
            System.out.println("(KRaft 컨트롤러 리더를 알 수 없습니다: 쿼럼 과반이 살아 있는지 확인하세요)");
            return -1;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "강좌 클러스터의 데이터를 모두 지웁니다(토픽, 그룹, 오프셋, 로그). 다음 `cluster up` 은 빈 클러스터로 시작합니다.")
    static final class Reset implements Callable<Integer> {
        @Option(names = "--yes", description = "묻지 않고 지웁니다(스크립트용).")
        boolean yes;

        @Override
        public Integer call() {
            java.nio.file.Path home = ClusterHome.interactive();
            if (LocalKafkaCluster.existing(home).isEmpty()) {
                System.out.println("지울 강좌 클러스터가 없습니다: " + home);
                return 0;
            }
            if (!yes) {
                java.io.Console console = System.console();
                if (console == null) {
                    System.out.println("확인할 터미널이 없습니다. 정말 지우려면: ./course cluster reset --yes");
                    return 2;
                }
                String answer = console.readLine("강좌 클러스터(%s)의 토픽·그룹·오프셋과 로그를 모두 지웁니다. 되돌릴 수 없습니다. 계속할까요? [y/N] ", home);
                if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes|예|네")) {
                    System.out.println("지우지 않았습니다.");
                    return 1;
                }
            }
            LocalKafkaCluster.wipe(home);
            System.out.println("강좌 클러스터의 데이터를 지웠습니다. 새로 시작: ./course cluster up");
            return 0;
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "노드를 SIGKILL로 강제 종료합니다(장애 흉내).")
    static final class Kill implements Callable<Integer> {
        @Parameters(paramLabel = "노드", description = "노드 번호(1~3)")
        int node;

        @Override
        public Integer call() {
            try (LocalKafkaCluster cluster = existing()) {
                cluster.kill(node);
                System.out.println("노드 " + node + " 을(를) 강제 종료했습니다(SIGKILL). 다시 시작: ./course cluster start " + node);
            }
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "멈춘 노드를 다시 시작합니다.")
    static final class Start implements Callable<Integer> {
        @Parameters(paramLabel = "노드", description = "노드 번호(1~3)")
        int node;

        @Override
        public Integer call() {
            try (LocalKafkaCluster cluster = existing()) {
                long t0 = System.nanoTime();
                cluster.start(node);
                System.out.printf("노드 %d 이(가) 다시 실행 중입니다 (%.1f초).%n", node, (System.nanoTime() - t0) / 1e9);
            }
            return 0;
        }
    }
}
