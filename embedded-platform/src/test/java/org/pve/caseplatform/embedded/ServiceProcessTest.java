package org.pve.caseplatform.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aServiceStartsHealthyWithItsArgsAndEnvironmentAndStopsOnRequest() throws Exception {
        int port = FreePorts.pick();
        ServiceProcess service = ServiceProcess.builder("fake", FakeServiceJar.in(dir), port)
                .jvmOptions(List.of("-Xmx32m", "-Dplatform.embedded=true"))
                .args(List.of("--server.port=" + port, "--greeting=hello"))
                .environment(Map.of(PlatformSecrets.PSEUDONYM_SECRET, "s3cret"))
                .logFile(dir.resolve("logs/fake.log"))
                .build();
        try {
            service.start();
            service.waitUntilHealthy(TIMEOUT);
            assertThat(FakeServiceJar.echo(service))
                    .contains("--greeting=hello", "platform.embedded=true", "PLATFORM_PSEUDONYM_SECRET=s3cret");
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(service.isHealthy()).isFalse();
        assertThat(service.logTail()).contains("fake service up on " + port);
    }

    @Test
    void aKilledServiceCanBeStartedAgain() {
        int port = FreePorts.pick();
        ServiceProcess service = ServiceProcess.builder("fake", FakeServiceJar.in(dir), port)
                .args(List.of("--server.port=" + port)).logFile(dir.resolve("fake.log")).build();
        try {
            service.start();
            service.waitUntilHealthy(TIMEOUT);
            service.kill();
            assertThat(service.isAlive()).isFalse();

            service.start();
            service.waitUntilHealthy(TIMEOUT);
            assertThat(service.isHealthy()).isTrue();
        } finally {
            service.stop();
        }
    }

    @Test
    void waitingForAServiceThatExitsFailsAtOnceWithItsLogTail() {
        int port = FreePorts.pick();
        ServiceProcess service = ServiceProcess.builder("broken", FakeServiceJar.in(dir), port)
                .args(List.of("--server.port=" + port, "--fail")).logFile(dir.resolve("broken.log")).build();
        service.start();

        long started = System.nanoTime();
        assertThatThrownBy(() -> service.waitUntilHealthy(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken exited with code 3")
                .hasMessageContaining("failing on purpose");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }
}
