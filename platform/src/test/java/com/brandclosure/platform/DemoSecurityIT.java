package com.brandclosure.platform;

import com.brandclosure.platform.config.PlatformProperties;
import com.brandclosure.platform.security.DemoInterlock;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Demo security on loopback: no Basic challenge a browser would cache, and unsafe methods with
 * Basic credentials need {@code X-Requested-By} (a cross-site form cannot set it). The interlock
 * itself (loopback or an explicit remote opt-in with a generated password) is checked directly.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "spring.kafka.consumer.group-id=platform-demo",
                "platform.security.mode=demo", "server.address=127.0.0.1", "spring.kafka.listener.auto-startup=false"})
@RealInfrastructure(database = "platform_demo")
class DemoSecurityIT {

    static final String BODY = "{\"amountMinor\":100,\"note\":\"rent\",\"kind\":\"CARD\",\"urgent\":false}";

    @Autowired
    Environment env;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String user, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_401_never_asks_the_browser_for_basic_credentials() throws Exception {
        var anonymous = send("GET", "/api/v1/accounts/acme/things", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.toLowerCase().startsWith("basic"));
        var wrongPassword = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port")
                + "/api/v1/accounts/acme/things")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("acme-admin:nope".getBytes(StandardCharsets.UTF_8))).build();
        var refused = http.send(wrongPassword, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.toLowerCase().startsWith("basic"));
        assertThat(send("GET", "/api/v1/accounts/acme/things", "acme-admin", null).body()).isEqualTo("acme-admin");
    }

    @Test
    void an_unsafe_request_with_basic_credentials_needs_the_x_requested_by_header() throws Exception {
        String path = "/api/v1/accounts/demo-" + UUID.randomUUID().toString().substring(0, 8) + "/payments";
        var forged = send("POST", path, "service", BODY);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(forged.body()).contains("X-Requested-By");
        var formLike = send("POST", path, "service", BODY, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(formLike.statusCode()).isEqualTo(403);

        assertThat(send("POST", path, "service", BODY, "X-Requested-By", "cli").statusCode()).isEqualTo(201);
    }

    @Test
    void demo_security_starts_only_on_loopback_or_with_an_explicit_remote_opt_in_and_a_generated_password() {
        var security = new PlatformProperties.Security();
        security.setMode(PlatformProperties.Security.Mode.DEMO);
        for (String loopback : new String[]{"127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"}) {
            assertThatCode(() -> DemoInterlock.check(loopback, security)).as(loopback).doesNotThrowAnyException();
        }
        for (String remote : new String[]{null, "", "0.0.0.0", "::", "10.1.2.3", "example.com"}) {
            assertThatThrownBy(() -> DemoInterlock.check(remote, security)).as(String.valueOf(remote))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("server.address=127.0.0.1")
                    .hasMessageContaining("platform.security.demo.allow-remote=true");
        }
        security.getDemo().setAllowRemote(true);
        assertThatThrownBy(() -> DemoInterlock.check("0.0.0.0", security)).hasMessageContaining("generated");
        security.getDemo().setPassword("demo");
        assertThatThrownBy(() -> DemoInterlock.check("0.0.0.0", security)).hasMessageContaining("generated");
        security.getDemo().setPassword("k3Jq9-generated");
        assertThatCode(() -> DemoInterlock.check("0.0.0.0", security)).doesNotThrowAnyException();
        assertThat(security.effectiveDemoUsers()).allMatch(u -> u.getPassword().equals("k3Jq9-generated"));
    }
}
