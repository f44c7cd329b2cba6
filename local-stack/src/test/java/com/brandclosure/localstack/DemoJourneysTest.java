package com.brandclosure.localstack;

import com.brandclosure.localstack.demo.DemoJourney;
import com.brandclosure.localstack.demo.DemoJourneys;
import com.brandclosure.localstack.demo.StackEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line and the demo plug-in point: what --demo finds is what is listed under META-INF/services. */
class DemoJourneysTest {

    /** Registered in the test below through a services file, as the real walkthrough will be. */
    public static final class RecordingDemo implements DemoJourney {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void run(StackEndpoints stack, PrintStream out) {
            out.println(stack.service("contracts-service"));
        }
    }

    @Test
    void a_journey_listed_in_the_services_file_is_the_one_demo_runs(@TempDir Path classes) throws Exception {
        Path services = classes.resolve("META-INF/services/" + DemoJourney.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, RecordingDemo.class.getName() + "\n");
        // The module registers its own walkthrough (demo.ClosureDemo); the parent hides services files so
        // that only this test's registration is seen.
        ClassLoader parent = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                return name.startsWith("META-INF/services/") ? java.util.Collections.emptyEnumeration()
                        : super.getResources(name);
            }
        };
        try (var loader = new URLClassLoader(new java.net.URL[]{classes.toUri().toURL()}, parent)) {
            var found = DemoJourneys.registered(loader);
            assertThat(found).get().isInstanceOf(RecordingDemo.class);
        }
    }

    @Test
    void demo_finished_is_said_only_when_the_walkthrough_returned() throws Exception {
        var stack = new StackEndpoints(java.util.Map.of(), "localhost:9092", java.util.Map.of());
        var printed = new java.io.ByteArrayOutputStream();

        boolean finished = DemoJourney.runAndReport(named("finishes", () -> { }), stack, new PrintStream(printed, true));
        assertThat(finished).isTrue();
        assertThat(printed.toString()).contains("Running demo: finishes", "Demo finished");

        printed.reset();
        finished = DemoJourney.runAndReport(named("exists already", () -> {
            throw new DemoJourney.NotRun("acme has a closure already");
        }), stack, new PrintStream(printed, true));
        assertThat(finished).isFalse();
        assertThat(printed.toString()).contains("Demo not run: acme has a closure already").doesNotContain("Demo finished");

        printed.reset();
        assertThatThrownBy(() -> DemoJourney.runAndReport(named("gives up", () -> {
            throw new IllegalStateException("gave up waiting until the account is closed");
        }), stack, new PrintStream(printed, true)))
                .isInstanceOf(DemoJourney.Failed.class)
                .hasMessageContaining("gives up").hasMessageContaining("gave up waiting until the account is closed");
        assertThat(printed.toString()).doesNotContain("Demo finished");
    }

    private interface Steps {
        void run() throws Exception;
    }

    private static DemoJourney named(String name, Steps steps) {
        return new DemoJourney() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(StackEndpoints stack, PrintStream out) throws Exception {
                steps.run();
            }
        };
    }

    @Test
    void options_accept_demo_and_refuse_unknown_arguments() {
        assertThat(LocalStack.Options.parse("--demo").demo()).isTrue();
        assertThat(LocalStack.Options.parse().demo()).isFalse();
        assertThat(LocalStack.Options.parse("--help").help()).isTrue();
        assertThatThrownBy(() -> LocalStack.Options.parse("--dmeo")).hasMessageContaining("--dmeo");
    }

    @Test
    void instances_are_one_by_default_and_up_to_three_with_a_clear_error_otherwise() {
        assertThat(LocalStack.Options.parse().instances()).isEqualTo(1);
        assertThat(LocalStack.Options.parse("--instances", "2").instances()).isEqualTo(2);
        assertThat(LocalStack.Options.parse("--demo", "--instances=3").instances()).isEqualTo(3);
        assertThat(LocalStack.Options.parse("--instances", "2", "--demo").demo()).isTrue();
        for (String[] bad : new String[][]{{"--instances"}, {"--instances", "0"}, {"--instances", "4"},
                {"--instances=two"}}) {
            assertThatThrownBy(() -> LocalStack.Options.parse(bad)).as(String.join(" ", bad))
                    .hasMessageContaining("--instances takes a number from 1 to 3");
        }
    }

    @Test
    void a_second_instance_listens_ten_ports_up_with_the_same_database_and_the_console_on_the_first_instances() {
        var orchestrator = ServiceSpec.ALL.get(0);
        assertThat(orchestrator.port(2)).isEqualTo(8090);
        assertThat(ServiceSpec.ALL.get(2).port(3)).isEqualTo(8102);
        assertThat(ServiceSpec.ALL.get(2).instanceName(1)).isEqualTo("payouts-service");
        assertThat(ServiceSpec.ALL.get(2).instanceName(2)).isEqualTo("payouts-service#2");
        assertThatThrownBy(() -> orchestrator.port(4)).hasMessageContaining("1..3");
        var second = ServiceProcess.arguments(orchestrator, 2, "jdbc:postgresql://localhost:5432/closure", "localhost:9092");
        assertThat(second).contains("--server.port=8090",
                "--spring.datasource.url=jdbc:postgresql://localhost:5432/closure?reWriteBatchedInserts=true",
                "--closure.console.services.payouts-service=http://127.0.0.1:8082");
        // Apart from the port, instances run with the same settings (one consumer group, one database per service).
        var first = ServiceProcess.arguments(orchestrator, 1, "jdbc:postgresql://localhost:5432/closure", "localhost:9092");
        assertThat(second.stream().filter(a -> !a.startsWith("--server.port=")).toList())
                .isEqualTo(first.stream().filter(a -> !a.startsWith("--server.port=")).toList());
    }

    @Test
    void prometheus_scrapes_every_instance_of_a_service_under_one_job() {
        var settings = new LocalPrometheus.Settings(Path.of("/usr/bin/prometheus"), Path.of("/tmp/p"), 9090,
                java.util.Map.of("payouts-service", java.util.List.of(8082, 8092)),
                new LocalPrometheus.Scrape.Basic("ops", "demo"), Path.of("/tmp/rules"), java.time.Duration.ofSeconds(5));
        String config = LocalPrometheus.config(settings, Path.of("/tmp/secret"));
        assertThat(config).contains("job_name: payouts-service")
                .contains("targets: [\"127.0.0.1:8082\", \"127.0.0.1:8092\"]");
        assertThat(config.split("job_name: payouts-service", -1)).hasSize(2);
    }

    @Test
    void services_run_with_the_local_clock_and_the_stack_datasource_and_broker() {
        var spec = ServiceSpec.ALL.get(1);
        assertThat(ServiceProcess.arguments(spec, 1, "jdbc:postgresql://localhost:5432/contracts", "localhost:9092"))
                .contains("--server.port=8081", "--platform.clock.adjustable=true", "--spring.profiles.active=local",
                        "--spring.kafka.bootstrap-servers=localhost:9092",
                        "--spring.datasource.url=jdbc:postgresql://localhost:5432/contracts?reWriteBatchedInserts=true",
                        "--platform.security.mode=demo");
    }

    @Test
    void each_service_gets_its_own_kafka_password_in_its_environment_and_none_on_its_command_line() {
        var credentials = com.brandclosure.kafkaaccess.KafkaCredentials.generate();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            // The user name is the service's spring.application.name, which is its module name.
            assertThat(com.brandclosure.kafkaaccess.KafkaAccess.principal(spec.module())).as(spec.module()).isPresent();
            assertThat(ServiceProcess.environment(spec, credentials))
                    .containsExactly(java.util.Map.entry("KAFKA_PASSWORD", credentials.password(spec.module())));
            assertThat(String.join(" ", ServiceProcess.arguments(spec, 1, "jdbc:postgresql://localhost:5432/x", "localhost:9092")))
                    .doesNotContain(credentials.password(spec.module())).doesNotContain("sasl");
        }
    }

    /** The launcher prints the demo identities; they must be the ones the platform actually accepts. */
    @Test
    void the_printed_demo_identities_are_the_platform_defaults() throws Exception {
        String properties = Files.readString(Path.of("").toAbsolutePath().getParent()
                .resolve("platform/src/main/java/com/brandclosure/platform/config/PlatformProperties.java"));
        var matcher = java.util.regex.Pattern.compile("of\\(\"([a-z-]+)\", [\\w.]*Role\\.(\\w+)").matcher(properties);
        var platform = new java.util.LinkedHashMap<String, String>();
        while (matcher.find()) {
            platform.put(matcher.group(1), matcher.group(2));
        }
        assertThat(platform.keySet()).containsExactlyElementsOf(ServiceProcess.DEMO_IDENTITIES.keySet());
        platform.forEach((user, role) -> assertThat(ServiceProcess.DEMO_IDENTITIES.get(user)).as(user).startsWith(role));
        assertThat(properties).contains("private String password = \"" + ServiceProcess.DEMO_PASSWORD + "\";");
    }
}
