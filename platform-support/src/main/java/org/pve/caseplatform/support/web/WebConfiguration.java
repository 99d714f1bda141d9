package org.pve.caseplatform.support.web;

import java.util.List;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CallerResolver;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem+json answers, the caller of a request, and the reference data, for every service. */
@AutoConfiguration
@Import(ProblemResponses.class)
public class WebConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    @Bean
    public DistrictDirectory districtDirectory() {
        return DistrictDirectory.load();
    }
}
