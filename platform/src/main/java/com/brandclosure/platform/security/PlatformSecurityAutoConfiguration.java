package com.brandclosure.platform.security;

import com.brandclosure.platform.config.PlatformProperties;
import com.brandclosure.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;

/**
 * One security setup for every service. Stateless: JWT bearer tokens in production
 * ({@code platform.security.mode=jwt}, issuer/keys from {@code spring.security.oauth2.resourceserver.jwt.*}),
 * HTTP Basic with the documented demo identities on the local stack ({@code mode=demo}), only on
 * loopback or with an explicit remote opt-in and generated password ({@link DemoInterlock}), without
 * a Basic challenge (browsers never cache the credentials) and with {@link RequestedByFilter}
 * against cross-site forms.
 * Actuator: health (with liveness/readiness) is public, every other endpoint needs OPS. The OpenAPI
 * document and Swagger UI ({@link com.brandclosure.platform.apidocs.ApiDocs}) are public. Handlers
 * marked {@link PublicEndpoint} are public; every other request must be authenticated and then
 * pass its {@link Allow} roles; tenant checks are the application layer's ({@link Actor#requireAccess}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformProperties properties,
                                                    org.springframework.context.ApplicationContext context) throws Exception {
        // Looked up per request by name: the MVC mapping is created after the filter chain, and
        // actuator adds a second RequestMappingHandlerMapping bean.
        RequestMatcher publicHandlers = request -> isPublicHandler(
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class), request);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.OPS.name())
                        .requestMatchers("/error").permitAll()
                        // The API description and Swagger UI: no data, and the UI loads before its user signs in.
                        .requestMatchers(com.brandclosure.platform.apidocs.ApiDocs.PUBLIC_PATHS).permitAll()
                        .requestMatchers(publicHandlers).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                                "authentication required", properties.getSecurity().getMode()))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, ex.getMessage(),
                                properties.getSecurity().getMode())));
        if (properties.getSecurity().getMode() == PlatformProperties.Security.Mode.DEMO) {
            DemoInterlock.check(context.getEnvironment().getProperty("server.address"), properties.getSecurity());
            http.addFilterBefore(new RequestedByFilter(),
                    org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
            http.httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) ->
                            problem(res, HttpStatus.UNAUTHORIZED, "authentication required", PlatformProperties.Security.Mode.DEMO)))
                    .userDetailsService(DemoUsers.from(properties.getSecurity()));
        } else {
            var authorities = new JwtGrantedAuthoritiesConverter();
            authorities.setAuthoritiesClaimName("roles");
            authorities.setAuthorityPrefix("ROLE_");
            var converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(authorities);
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                            "a valid bearer token is required", PlatformProperties.Security.Mode.JWT)));
        }
        return http.build();
    }

    private static boolean isPublicHandler(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
        if (mapping == null) {
            return false;
        }
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method
                    && AllowInterceptor.isPublic(method);
        } catch (Exception e) {
            return false;
        }
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String detail,
                                PlatformProperties.Security.Mode mode) throws IOException {
        // No Basic challenge in demo mode: a browser would prompt and then cache the credentials and
        // attach them to any later request to this origin, including forged cross-site ones.
        if (status == HttpStatus.UNAUTHORIZED && mode == PlatformProperties.Security.Mode.JWT) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        ProblemResponses.write(res, status, detail == null ? status.getReasonPhrase().toLowerCase() : detail);
    }

    @Bean
    AuditController auditController(org.springframework.jdbc.core.JdbcTemplate jdbc,
                                    com.brandclosure.platform.crypto.PersonalData personal) {
        return new AuditController(jdbc, personal);
    }

    @Bean
    WebMvcConfigurer allowInterceptorConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AllowInterceptor());
            }
        };
    }

    /** Keeps Boot from creating its default in-memory user. */
    @Bean
    org.springframework.security.core.userdetails.UserDetailsService platformNoDefaultUser(PlatformProperties properties) {
        return properties.getSecurity().getMode() == PlatformProperties.Security.Mode.DEMO
                ? DemoUsers.from(properties.getSecurity()) : new DemoUsers(java.util.List.of());
    }
}
