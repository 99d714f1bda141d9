package org.pve.caseplatform.audit.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.pve.caseplatform.audit.ops.OpsDashboard;
import org.pve.caseplatform.audit.ops.OpsSnapshot;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator dashboard: a page (with its script and style under /ops/, nothing from elsewhere, which its content
 * security policy enforces) and the figures it refreshes itself from. Open without a token like /actuator/prometheus,
 * whose aggregate figures it shows (docs/security/access-matrix.md); like the actuator, not part of the API document.
 */
@Hidden
@RestController
class OpsController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Resource PAGE = new ClassPathResource("ops/dashboard.html");

    private final OpsDashboard dashboard;

    OpsController(OpsDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping(value = "/ops/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OpsSnapshot> metrics() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(dashboard.snapshot());
    }

    @GetMapping(value = "/ops/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .cacheControl(CacheControl.noCache()).body(PAGE);
    }
}
