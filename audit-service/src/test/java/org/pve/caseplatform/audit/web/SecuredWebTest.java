package org.pve.caseplatform.audit.web;

import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.security.AccessLog;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.security.SecurityConfiguration;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.web.WebConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The controller slices with the platform's real security in front: the resource server verifying tokens of the
 * test issuer, the access policy and the case-read gate; only the access log's Kafka producer is a mock.
 */
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
abstract class SecuredWebTest {

    static final String AUTHORIZATION = "Authorization";
    static final String PURPOSE = "X-Purpose";

    @MockitoBean
    AccessLog accessLog;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    static String auditor(String... districts) {
        return TestTokens.bearer(Role.AUDITOR, Agency.SOCIAL_SERVICES, districts);
    }

    static String token(Role role, String... districts) {
        return TestTokens.bearer(role, Agency.SOCIAL_SERVICES, districts);
    }
}
