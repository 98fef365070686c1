package kafkacourse.kit.compare;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The real AWS SDK v2 SQS client, pointed at the local ElasticMQ (dummy credentials, no AWS account involved). */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient client(CompareServers servers) {
        return SqsClient.builder()
                .endpointOverride(servers.sqsEndpoint())
                .region(Region.of("elasticmq"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("course", "course")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(10)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(15)))
                .build();
    }
}
