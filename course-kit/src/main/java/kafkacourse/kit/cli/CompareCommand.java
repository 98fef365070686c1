package kafkacourse.kit.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kafkacourse.kit.compare.CompareOptions;
import kafkacourse.kit.compare.CompareServers;
import kafkacourse.kit.compare.ServerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./course compare up|down|status}: RabbitMQ, Redis and an SQS-compatible queue for chapter 3. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "3장 비교용 서버(RabbitMQ, Redis, SQS 호환 ElasticMQ)를 올리고 내리고 살펴봅니다.",
        subcommands = {CompareCommand.Up.class, CompareCommand.Down.class, CompareCommand.Status.class})
final class CompareCommand {

    @Command(name = "up", mixinStandardHelpOptions = true, description = "비교 서버를 시작합니다(이미 실행 중이면 그대로 둡니다).")
    static final class Up implements Callable<Integer> {
        @Option(names = "--rabbitmq-port", defaultValue = "0", description = "RabbitMQ(AMQP) 포트 (0 = 빈 포트 자동 선택)")
        int rabbitPort;

        @Option(names = "--redis-port", defaultValue = "0", description = "Redis 포트 (0 = 빈 포트 자동 선택)")
        int redisPort;

        @Option(names = "--sqs-port", defaultValue = "0", description = "SQS(ElasticMQ) 포트 (0 = 빈 포트 자동 선택)")
        int sqsPort;

        @Override
        public Integer call() {
            Optional<CompareServers> running = CompareServers.attach(CompareServers.interactiveHome());
            if (running.isPresent()) {
                System.out.println("비교 서버가 이미 실행 중입니다.");
                running.get().statusLines().forEach(l -> System.out.println("  " + l));
                return 0;
            }
            long t0 = System.nanoTime();
            System.out.println("비교 서버를 시작합니다 ... (" + CompareServers.interactiveHome() + ")");
            CompareServers servers = CompareServers.start(CompareOptions.interactive(Map.of(
                    ServerKind.RABBITMQ, rabbitPort, ServerKind.REDIS, redisPort, ServerKind.SQS, sqsPort)));
            System.out.printf("준비되었습니다 (%.1f초).%n", (System.nanoTime() - t0) / 1e9);
            servers.statusLines().forEach(l -> System.out.println("  " + l));
            System.out.println("  상태 보기: ./course compare status   내리기: ./course compare down");
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "비교 서버를 모두 종료합니다.")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            Optional<CompareServers> servers = CompareServers.existing(CompareServers.interactiveHome());
            if (servers.isEmpty()) {
                System.out.println("실행 중인 비교 서버가 없습니다.");
                return 0;
            }
            servers.get().shutdown();
            System.out.println("비교 서버를 내렸습니다.");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "비교 서버별 상태, 포트, 로그 위치를 보여 줍니다.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            Optional<CompareServers> servers = CompareServers.existing(CompareServers.interactiveHome());
            if (servers.isEmpty()) {
                System.out.println("실행 중인 비교 서버가 없습니다. 시작: ./course compare up");
                return 3;
            }
            servers.get().statusLines().forEach(System.out::println);
            boolean allUp = CompareServers.attach(CompareServers.interactiveHome()).isPresent();
            return allUp ? 0 : 3;
        }
    }
}
