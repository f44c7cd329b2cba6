package com.brandclosure.platform.logging;

import com.brandclosure.platform.config.PlatformAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Log context for HTTP requests ({@link LogContextFilter}). The log format is Spring Boot's:
 * plain text by default, JSON with {@code logging.structured.format.console=ecs} (or
 * {@code logstash}); the MDC's {@code accountId} and {@code correlationId} become fields of each line.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformLoggingAutoConfiguration {

    @Bean
    FilterRegistrationBean<LogContextFilter> logContextFilter(Supplier<UUID> idSource) {
        var registration = new FilterRegistrationBean<>(new LogContextFilter(idSource));
        // Before security and everything else, so their log lines carry the context too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
