package com.brandclosure.closure.config;

import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.web.ActorArgumentResolver;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration
@EnableConfigurationProperties(ClosureProperties.class)
public class ClosureConfiguration implements WebMvcConfigurer {

    /**
     * The saga's stored events under their simple names. No snapshot state is registered: a
     * closure's stream is a few dozen events, cheaper to fold than a snapshot is to keep.
     */
    @Bean
    EventTypes closureEventTypes() {
        return EventTypes.create().addSealed(AccountClosureEvent.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
