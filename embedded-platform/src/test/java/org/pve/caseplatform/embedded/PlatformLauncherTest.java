package org.pve.caseplatform.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformLauncherTest {

    @TempDir
    Path dir;

    @Test
    void startsMongoKafkaAndTheServicesWiredToThemAndStopsThemAll() throws Exception {
        Path jar = FakeServiceJar.in(dir);
        List<String> progress = new ArrayList<>();
        PlatformLauncher platform = PlatformLauncher.builder(dir.resolve("data"))
                .freePorts()
                .inMemoryMongo(true)
                .service("first-service", jar, 0, "--extra=1")
                .service("second-service", jar, 0)
                .jvmOptions(List.of("-Xmx32m"))
                .healthTimeout(Duration.ofSeconds(60))
                .progress(progress::add)
                .build();
        Map<String, String> secrets = PlatformSecrets.loadOrCreate(platform.dataDir());
        try {
            platform.start();

            String echo = FakeServiceJar.echo(platform.service("first-service"));
            assertThat(echo).contains(
                    "--server.port=" + platform.service("first-service").port(),
                    "--spring.data.mongodb.uri=" + platform.mongo().connectionString(),
                    "--platform.kafka.bootstrap-servers=" + platform.broker().bootstrapServers(),
                    "--platform.ops.sources=" + platform.service("first-service").baseUrl() + ","
                            + platform.service("second-service").baseUrl(),
                    "--extra=1",
                    "platform.embedded=true",
                    "PLATFORM_KEYSTORE_MASTERKEY=" + secrets.get(PlatformSecrets.KEYSTORE_MASTERKEY));
            assertThat(echo).doesNotContain("--platform.security.issuer-uri",
                    secrets.get(PlatformSecrets.ISSUER_DEMO_SECRET));
            assertThat(progress).anyMatch(line -> line.startsWith("second-service is up"));
            assertThat(platform.dataDir().resolve("logs/second-service.log")).exists();

            platform.stopService("second-service");
            assertThat(platform.service("second-service").isAlive()).isFalse();
            assertThat(platform.service("first-service").isHealthy()).isTrue();
            platform.startService("second-service");
            assertThat(platform.service("second-service").isHealthy()).isTrue();
        } finally {
            platform.close();
        }
        assertThat(platform.services()).noneMatch(ServiceProcess::isAlive);
        assertThat(platform.broker().isRunning()).isFalse();
        assertThat(platform.mongo().isRunning()).isFalse();
        assertThat(platform.dataDir().resolve(".gitignore")).content().contains("*");
        assertThat(platform.issuer()).isEmpty();
        assertThatThrownBy(platform::issuerUrl).hasMessageContaining("runs no issuer");
    }

    @Test
    void aSecondInstanceRunsFromTheSameJarAndArgsOnItsOwnPortAndLogAndDiesAlone() throws Exception {
        Path jar = FakeServiceJar.in(dir);
        ServiceSpec first = new ServiceSpec("scaled-service", jar, 0, "--extra=1");
        PlatformLauncher platform = PlatformLauncher.builder(dir.resolve("data"))
                .freePorts()
                .inMemoryMongo(true)
                .service(first)
                .service(first.instance(2))
                .jvmOptions(List.of("-Xmx32m"))
                .healthTimeout(Duration.ofSeconds(60))
                .build();
        try {
            platform.start();
            ServiceProcess second = platform.service("scaled-service-2");

            assertThat(second.port()).isNotEqualTo(platform.service("scaled-service").port());
            assertThat(FakeServiceJar.echo(second)).contains("--server.port=" + second.port(), "--extra=1",
                    "--spring.data.mongodb.uri=" + platform.mongo().connectionString());
            assertThat(second.logFile()).isEqualTo(platform.dataDir().resolve("logs/scaled-service-2.log"));
            platform.killService("scaled-service-2");
            assertThat(second.isAlive()).isFalse();
            assertThat(platform.service("scaled-service").isHealthy()).isTrue();
            platform.startService("scaled-service-2");
            assertThat(second.isHealthy()).isTrue();
        } finally {
            platform.close();
        }
        assertThatThrownBy(() -> first.instance(1)).hasMessageContaining("start at 2");
    }

    @Test
    void theIssuerIsUpBeforeAnyServiceStartsAndEveryServiceIsPointedAtIt() throws Exception {
        Path jar = FakeServiceJar.in(dir);
        int issuerPort = FreePorts.pick();
        List<String> progress = new ArrayList<>();
        PlatformLauncher platform = PlatformLauncher.builder(dir.resolve("data"))
                .freePorts()
                .inMemoryMongo(true)
                .issuer(jar, issuerPort, "--platform.issuer.token-ttl=5m")
                .service("only-service", jar, 0)
                .jvmOptions(List.of("-Xmx32m"))
                .healthTimeout(Duration.ofSeconds(60))
                .progress(progress::add)
                .build();
        Map<String, String> secrets = PlatformSecrets.loadOrCreate(platform.dataDir());
        try {
            platform.start();

            String issuerUrl = "http://localhost:" + issuerPort;
            assertThat(platform.issuerUrl()).isEqualTo(issuerUrl);
            assertThat(FakeServiceJar.echo(platform.service(PlatformLauncher.ISSUER))).contains(
                    "--server.port=" + issuerPort,
                    "--platform.issuer.url=" + issuerUrl,
                    "--platform.issuer.key-file=" + platform.dataDir().resolve("issuer/signing-key.json"),
                    "--platform.issuer.token-ttl=5m",
                    "PLATFORM_ISSUER_DEMO_SECRET=" + secrets.get(PlatformSecrets.ISSUER_DEMO_SECRET))
                    .doesNotContain(secrets.get(PlatformSecrets.KEYSTORE_MASTERKEY));
            assertThat(FakeServiceJar.echo(platform.service("only-service")))
                    .contains("--platform.security.issuer-uri=" + issuerUrl);
            assertThat(progress).containsSubsequence(
                    "Starting identity-issuer at " + issuerUrl,
                    progress.stream().filter(line -> line.startsWith("identity-issuer is up")).findFirst().orElse("-"),
                    "Starting only-service");
            assertThat(platform.services()).extracting(ServiceProcess::name).containsExactly("only-service");
        } finally {
            platform.close();
        }
        assertThat(platform.issuer()).get().extracting(ServiceProcess::isAlive).isEqualTo(false);
    }

    @Test
    void anIssuerThatDoesNotStartStopsThePlatformBeforeAnyService() {
        Path jar = FakeServiceJar.in(dir);
        PlatformLauncher platform = PlatformLauncher.builder(dir.resolve("data"))
                .freePorts()
                .inMemoryMongo(true)
                .issuer(jar, 0, "--fail")
                .service("only-service", jar, 0)
                .jvmOptions(List.of("-Xmx32m"))
                .healthTimeout(Duration.ofSeconds(60))
                .build();

        assertThatThrownBy(platform::start).hasMessageContaining("identity-issuer exited with code 3");

        assertThat(platform.service("only-service").logFile()).doesNotExist();
        assertThat(platform.broker().isRunning()).isFalse();
        assertThat(platform.mongo().isRunning()).isFalse();
    }
}
