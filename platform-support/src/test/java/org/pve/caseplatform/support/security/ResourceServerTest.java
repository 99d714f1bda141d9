package org.pve.caseplatform.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.util.Base64URL;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.web.WebConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every service's front door: a request without a valid access token of the platform's issuer gets 401 as
 * problem+json, whatever is wrong with the token; a valid one names its caller.
 */
@WebMvcTest(controllers = ResourceServerTest.WhoAmI.class)
@ContextConfiguration(classes = ResourceServerTest.Service.class)
class ResourceServerTest {

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void aValidTokenNamesItsCaller() throws Exception {
        call(TestTokens.bearer(Role.POLICE_SCREENER, Agency.POLICE, "dk-fyn"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(TestTokens.idOf(Role.POLICE_SCREENER, Agency.POLICE)))
                .andExpect(jsonPath("$.role").value("POLICE_SCREENER"))
                .andExpect(jsonPath("$.agency").value("POLICE"))
                .andExpect(jsonPath("$.districts[0]").value("dk-fyn"));
    }

    @Test
    void noTokenIsUnauthenticated() throws Exception {
        unauthenticated(mvc.perform(get("/whoami")));
    }

    @Test
    void aTokenWithATamperedSignatureIsRefused() throws Exception {
        String token = TestTokens.token(Role.AUDITOR, Agency.POLICE, "*");
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        unauthenticated(call("Bearer " + parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature)));
    }

    @Test
    void aTokenWithATamperedPayloadIsRefused() throws Exception {
        String token = TestTokens.token(Role.REFERRER, Agency.EDUCATION, "dk-fyn");
        String auditor = TestTokens.token(Role.AUDITOR, Agency.EDUCATION, "*");
        String[] parts = token.split("\\.");
        unauthenticated(call("Bearer " + parts[0] + "." + auditor.split("\\.")[1] + "." + parts[2]));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() throws Exception {
        String payload = TestTokens.token(Role.AUDITOR, Agency.POLICE, "*").split("\\.")[1];
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        unauthenticated(call("Bearer " + none + "." + payload + "."));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        unauthenticated(call("Bearer " + TestTokens.token(Role.AUDITOR, Agency.POLICE,
                claims -> claims.issuer("http://elsewhere.localhost"), "*")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        unauthenticated(call("Bearer " + TestTokens.token(Role.AUDITOR, Agency.POLICE,
                claims -> claims.audience(List.of("another-system")), "*")));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        unauthenticated(call("Bearer " + TestTokens.token(Role.AUDITOR, Agency.POLICE,
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(300))), "*")));
    }

    @Test
    void aTokenThatNamesNoKnownRoleIsRefused() throws Exception {
        unauthenticated(call("Bearer " + TestTokens.token(Role.AUDITOR, Agency.POLICE,
                claims -> claims.claim("role", "SUPERUSER"), "*")));
        unauthenticated(call("Bearer " + TestTokens.token(Role.AUDITOR, Agency.POLICE,
                claims -> claims.claim("districts", null), "*")));
    }

    @Test
    void aBadTokenIsRefusedEvenWhereThePublicMayCallWithout() throws Exception {
        mvc.perform(post("/referrals")).andExpect(status().isOk());
        unauthenticated(mvc.perform(post("/referrals").header("Authorization", "Bearer not-a-token")));
    }

    private ResultActions call(String authorization) throws Exception {
        return mvc.perform(get("/whoami").header("Authorization", authorization));
    }

    private static void unauthenticated(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.errors[0].field").value("Authorization"));
    }

    @RestController
    static class WhoAmI {

        @GetMapping("/whoami")
        Caller whoAmI(Caller caller) {
            return caller;
        }

        @PostMapping("/referrals")
        String refer(Caller caller) {
            return caller.isAnonymous() ? "anonymous" : caller.id();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(WhoAmI.class)
    @ImportAutoConfiguration({WebConfiguration.class, SecurityConfiguration.class})
    static class Service {

        @Bean(destroyMethod = "close")
        Producer<String, String> eventProducer() {
            return new KafkaProducer<>(new KafkaSettings(TestInfrastructure.kafka().bootstrapServers(), null, null,
                    "resource-server-test").producerProperties());
        }
    }
}
