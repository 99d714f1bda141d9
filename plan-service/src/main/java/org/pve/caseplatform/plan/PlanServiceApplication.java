package org.pve.caseplatform.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The management plan: opened from an agreed formulation, owned, commissioned, delivered and closed. */
@SpringBootApplication
public class PlanServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
