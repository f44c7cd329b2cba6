package com.brandclosure.platform.web;

import com.brandclosure.platform.config.PlatformProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The HTTP boundary of every service: request size and header limits (servlet filters, before
 * security), one problem-detail mapping for every refusal ({@link PlatformExceptionHandler}) and
 * the container's error page as a problem detail ({@link ProblemErrorController}, in place of
 * Boot's default error JSON, hence before Boot's error configuration).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(PlatformProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestSizeFilter(properties.getWeb().getMaxRequestBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestHeaderLimitsFilter> requestHeaderLimitsFilter() {
        var registration = new FilterRegistrationBean<>(new RequestHeaderLimitsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    PlatformExceptionHandler platformExceptionHandler() {
        return new PlatformExceptionHandler();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
