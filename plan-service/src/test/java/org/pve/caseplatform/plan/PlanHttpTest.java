package org.pve.caseplatform.plan;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * plan-service running on a random port over the shared MongoDB-wire server and Kafka broker, with a database of
 * its own per test class, the plan topics to publish upstream events to, and a case owner's client. The context is
 * closed after the class, while the shared infrastructure is still up (at JVM exit their shutdown hooks would race).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class PlanHttpTest {

    protected static EventTopics topics;

    @LocalServerPort
    protected int port;
    protected PlanFixture plans;
    protected HttpJsonClient owner;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan");
    }

    @BeforeAll
    static void connect() {
        topics = new EventTopics(TestInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @BeforeEach
    void caseOwner() {
        plans = new PlanFixture(topics, new HttpJsonClient(port));
        owner = plans.owner();
    }
}
