package com.brandclosure.localstack;

import com.brandclosure.kafkaaccess.BrokerSecurity;
import com.brandclosure.kafkaaccess.KafkaAccess;
import com.brandclosure.kafkaaccess.KafkaCredentials;
import com.brandclosure.kafkaaccess.KafkaProvisioning;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * There is no Docker engine here, so docker-compose.yml, the Dockerfile, Prometheus and Grafana
 * files are checked against what they must agree with: each service module's application.yml
 * (port, database, exposed actuator endpoints) and pom.xml (the jar it builds), and each other
 * (service names, ports, datasource uid). A renamed module, a moved port or a new service that
 * is missing from compose makes this fail.
 */
class DockerComposeConsistencyTest {

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> composeServices;
    /** Service modules: those whose pom builds an {@code exec} jar, in the root pom's order. */
    private static List<String> serviceModules;

    @BeforeAll
    static void load() throws IOException {
        // Surefire runs in the module folder; the repository root is its parent.
        root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("docker-compose.yml")).as("docker-compose.yml at the repository root").isRegularFile();
        compose = yaml(root.resolve("docker-compose.yml"));
        composeServices = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, value) -> composeServices.put(name, map(value)));

        String rootPom = Files.readString(root.resolve("pom.xml"));
        serviceModules = new ArrayList<>();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        while (modules.find()) {
            String module = modules.group(1);
            if (Files.readString(root.resolve(module).resolve("pom.xml")).contains("<classifier>exec</classifier>")) {
                serviceModules.add(module);
            }
        }
    }

    @Test
    void compose_runs_kafka_postgres_and_exactly_the_service_modules() {
        assertThat(serviceModules).as("modules building an -exec jar").hasSize(5);
        assertThat(composeServices.get("kafka")).containsEntry("image", "apache/kafka:4.1.1");
        assertThat(composeServices.get("postgres")).containsEntry("image", "postgres:17");
        var built = composeServices.entrySet().stream().filter(e -> e.getValue().containsKey("build"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(built).as("compose services built from the project's Dockerfile").isEqualTo(new TreeSet<>(serviceModules));
        composeServices.forEach((name, service) ->
                assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " has an image or a build").isTrue());
        // The launcher's list is the same set of services.
        Set<String> launched = ServiceSpec.ALL.stream().map(ServiceSpec::module).collect(Collectors.toCollection(TreeSet::new));
        assertThat(launched).isEqualTo(new TreeSet<>(serviceModules));
    }

    @Test
    void each_service_is_built_from_its_module_and_published_on_its_configured_port() throws IOException {
        for (String module : serviceModules) {
            var service = composeServices.get(module);
            var build = map(service.get("build"));
            assertThat(build.get("context")).as(module + " build context").isEqualTo(".");
            assertThat(root.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")))).isRegularFile();
            assertThat(map(build.get("args"))).as(module + " build args").containsEntry("MODULE", module);

            int port = serverPort(module);
            assertThat(strings(service.get("ports"))).as(module + " ports").containsExactly(port + ":" + port);
        }
    }

    @Test
    void each_service_points_at_the_compose_kafka_and_postgres_and_its_own_database() throws IOException {
        String postgresHost = serviceWithImagePrefix("postgres:");
        String kafkaHost = serviceWithImagePrefix("apache/kafka:");
        Set<String> createdDatabases = databasesCreatedByInitScripts(postgresHost);
        Set<String> kafkaAddresses = advertisedKafkaAddresses(kafkaHost);

        for (String module : serviceModules) {
            var environment = map(composeServices.get(module).get("environment"));
            String database = databaseOf(String.valueOf(applicationYml(module, "spring", "datasource", "url")));

            String url = String.valueOf(environment.get("SPRING_DATASOURCE_URL"));
            assertThat(url).as(module + " SPRING_DATASOURCE_URL")
                    .startsWith("jdbc:postgresql://" + postgresHost + ":5432/" + database);
            assertThat(databaseOf(url)).isEqualTo(database);
            assertThat(createdDatabases).as("databases the postgres init script creates").contains(database);

            String bootstrap = String.valueOf(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(kafkaAddresses).as(module + " SPRING_KAFKA_BOOTSTRAP_SERVERS is a listener kafka advertises to containers")
                    .contains(bootstrap);

            // The launcher uses the same port and database as the module's own configuration.
            var spec = ServiceSpec.ALL.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
            assertThat(spec.port()).isEqualTo(serverPort(module));
            assertThat(spec.database()).isEqualTo(database);

            var dependsOn = map(composeServices.get(module).get("depends_on"));
            // Kafka healthy, then its users, ACLs and topics set up: a service must not start before it may log in.
            assertThat(map(dependsOn.get("kafka-setup"))).as(module + " waits for the Kafka set-up")
                    .containsEntry("condition", "service_completed_successfully");
            assertThat(map(dependsOn.get(postgresHost))).as(module + " waits for postgres").containsEntry("condition", "service_healthy");
        }
        assertThat(map(map(composeServices.get("kafka-setup").get("depends_on")).get(kafkaHost)))
                .as("kafka-setup waits for kafka").containsEntry("condition", "service_healthy");
        assertThat(composeServices.get(kafkaHost)).containsKey("healthcheck");
        assertThat(composeServices.get(postgresHost)).containsKey("healthcheck");
        // kafka-storage format refuses an id that is not a base64 UUID; the container would never start.
        String clusterId = String.valueOf(map(composeServices.get(kafkaHost).get("environment")).get("CLUSTER_ID"));
        assertThat(Uuid.fromString(clusterId).toString()).isEqualTo(clusterId);
    }

    /**
     * Traces (README "Traces"): each service exports its spans to the compose Jaeger's OTLP/HTTP receiver,
     * with a property Spring Boot really has (checked against the configuration metadata on the classpath);
     * the services themselves set no endpoint, so export is off outside compose.
     */
    @Test
    void each_service_exports_its_traces_to_the_compose_jaeger_and_exports_nothing_by_default() throws IOException {
        String variable = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";
        String property = "management.opentelemetry.tracing.export.otlp.endpoint";
        assertThat(bootPropertyNames()).as("Spring Boot's configuration metadata").contains(property);
        assertThat(variable).isEqualTo(property.replace('.', '_').toUpperCase(java.util.Locale.ROOT));
        String jaeger = serviceWithImagePrefix("jaegertracing/all-in-one:");
        assertThat(map(composeServices.get(jaeger).get("environment"))).containsEntry("COLLECTOR_OTLP_ENABLED", "true");
        for (String module : serviceModules) {
            var environment = map(composeServices.get(module).get("environment"));
            assertThat(String.valueOf(environment.get(variable))).as(module + " " + variable)
                    .isEqualTo("http://" + jaeger + ":4318/v1/traces");
            assertThat(map(map(composeServices.get(module).get("depends_on")).get(jaeger))).as(module + " waits for " + jaeger)
                    .containsEntry("condition", "service_started");
            assertThatThrownBy(() -> effective(module, property.split("\\."))).as(module + " sets no OTLP endpoint itself")
                    .isInstanceOf(AssertionError.class);
        }
    }

    private static Set<String> bootPropertyNames() throws IOException {
        Set<String> names = new TreeSet<>();
        var resources = DockerComposeConsistencyTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        var json = new tools.jackson.databind.ObjectMapper();
        while (resources.hasMoreElements()) {
            try (var in = resources.nextElement().openStream()) {
                for (var p : json.readTree(in).path("properties")) {
                    names.add(p.path("name").asString());
                }
            }
        }
        return names;
    }

    @Test
    void each_health_check_calls_an_actuator_probe_the_service_exposes() throws IOException {
        Pattern probe = Pattern.compile("http://localhost:(\\d+)(/actuator/health(/liveness|/readiness)?)$");
        for (String module : serviceModules) {
            var test = strings(map(composeServices.get(module).get("healthcheck")).get("test"));
            String url = test.getLast();
            Matcher m = probe.matcher(url);
            assertThat(m.matches()).as(module + " health check URL " + url).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(module + " health check port").isEqualTo(serverPort(module));
            assertThat(exposedEndpoints(module)).as(module + " exposes health").containsAnyOf("health", "*");
            if (m.group(3) != null) {
                assertThat(String.valueOf(effective(module, "management", "endpoint", "health", "probes", "enabled")))
                        .as(module + " enables the liveness/readiness probes").isEqualTo("true");
            }
            // The image must have the tool the health check runs.
            assertThat(test.get(1)).isEqualTo("curl");
        }
        assertThat(Files.readString(root.resolve("Dockerfile"))).contains("install -y --no-install-recommends curl");
    }

    @Test
    void the_dockerfile_copies_the_jar_each_module_pom_produces() throws IOException {
        List<String> dockerfile = Files.readAllLines(root.resolve("Dockerfile"));
        Map<String, String> argDefaults = new HashMap<>();
        List<String> copySources = new ArrayList<>();
        for (String line : dockerfile) {
            String l = line.strip();
            if (l.startsWith("ARG ") && l.contains("=")) {
                String[] kv = l.substring(4).split("=", 2);
                argDefaults.put(kv[0].strip(), kv[1].strip());
            } else if (l.startsWith("COPY ") && !l.contains("--from=")) {
                String[] parts = l.substring(5).strip().split("\\s+");
                copySources.add(parts[0]);
            }
        }
        assertThat(copySources).as("COPY from the build context").hasSize(1);

        for (String module : serviceModules) {
            var args = new HashMap<>(argDefaults);
            map(map(composeServices.get(module).get("build")).get("args")).forEach((k, v) -> args.put(k, String.valueOf(v)));
            String source = substitute(copySources.getFirst(), args);

            String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
            String artifactId = firstTag(pom.replaceFirst("(?s)<parent>.*?</parent>", ""), "artifactId");
            String version = pom.replaceFirst("(?s)<parent>.*?</parent>", "").contains("<version>")
                    ? firstTag(pom.replaceFirst("(?s)<parent>.*?</parent>", "").replaceFirst("(?s)<dependencies>.*", ""), "version")
                    : firstTag(pom.replaceFirst("(?s).*?<parent>", ""), "version");
            String expected = module + "/target/" + artifactId + "-" + version + "-" + classifier(pom) + ".jar";
            assertThat(source).as(module + " jar copied by the Dockerfile").isEqualTo(expected);
            assertThat(ServiceSpec.ALL.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().jar(Path.of("")))
                    .as("the jar the local stack runs").isEqualTo(Path.of(expected));
            assertThat(dockerIgnoreKeeps(source)).as(".dockerignore keeps " + source + " in the build context").isTrue();
        }
    }

    @Test
    void prometheus_scrapes_every_service_by_compose_name_and_port() throws IOException {
        var prometheus = yaml(root.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, String> targetsByPath = new LinkedHashMap<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            var config = map(job);
            String path = String.valueOf(config.getOrDefault("metrics_path", "/metrics"));
            for (Object staticConfig : list(config.get("static_configs"))) {
                strings(map(staticConfig).get("targets")).forEach(t -> targetsByPath.put(t, path));
            }
        }
        var basicAuthUsers = new java.util.HashSet<String>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            var auth = map(job).get("basic_auth");
            if (auth != null) {
                basicAuthUsers.add(String.valueOf(map(auth).get("username")));
            }
        }
        for (String module : serviceModules) {
            // Actuator endpoints other than health need OPS; with demo security that is the "ops" identity.
            assertThat(map(composeServices.get(module).get("environment"))).as(module + " security mode")
                    .containsEntry("PLATFORM_SECURITY_MODE", "demo");
            assertThat(ServiceProcess.DEMO_IDENTITIES).containsKey("ops");
            assertThat(basicAuthUsers).as("Prometheus signs in as ops").containsExactly("ops");

            String target = module + ":" + serverPort(module);
            assertThat(targetsByPath).as("Prometheus target for " + module).containsEntry(target, "/actuator/prometheus");
            assertThat(exposedEndpoints(module)).as(module + " exposes prometheus").containsAnyOf("prometheus", "*");
        }
        targetsByPath.keySet().forEach(t -> {
            String host = t.substring(0, t.indexOf(':'));
            assertThat(host.equals("localhost") || composeServices.containsKey(host)).as("scrape target host " + host).isTrue();
        });
        var mounts = strings(composeServices.get("prometheus").get("volumes"));
        assertThat(mounts).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void prometheus_loads_alert_rules_that_compose_mounts_and_each_rules_file_has_unit_tests() throws IOException {
        var prometheus = yaml(root.resolve("deploy/prometheus/prometheus.yml"));
        var mounts = strings(composeServices.get("prometheus").get("volumes"));
        Path config = root.resolve("deploy/prometheus");
        List<Path> ruleFiles = new ArrayList<>();
        for (String pattern : strings(prometheus.get("rule_files"))) {
            // Relative to the configuration file, which compose mounts at /etc/prometheus/prometheus.yml.
            String dir = Path.of(pattern).getParent().toString();
            assertThat(mounts).as("compose mounts the rules of " + pattern)
                    .contains("./deploy/prometheus/" + dir + ":/etc/prometheus/" + dir + ":ro");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            try (var files = Files.list(config.resolve(dir))) {
                files.filter(f -> matcher.matches(config.relativize(f))).forEach(ruleFiles::add);
            }
        }
        assertThat(ruleFiles).as("rule files Prometheus loads").isNotEmpty();
        for (Path rules : ruleFiles) {
            String name = rules.getFileName().toString().replaceFirst("\\.yml$", "");
            Path tests = config.resolve("tests").resolve(name + ".test.yml");
            assertThat(tests).as("promtool unit tests of " + rules.getFileName()).isRegularFile();
            assertThat(Files.readString(tests)).contains("../rules/" + rules.getFileName());
        }
    }

    @Test
    void grafana_gets_the_prometheus_datasource_and_a_dashboard_of_the_closure_metrics() throws IOException {
        var datasource = map(list(yaml(root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).getFirst());
        URI url = URI.create(String.valueOf(datasource.get("url")));
        assertThat(composeServices).containsKey(url.getHost());
        assertThat(strings(composeServices.get(url.getHost()).get("ports"))).contains(url.getPort() + ":" + url.getPort());

        var provider = map(list(yaml(root.resolve("deploy/grafana/provisioning/dashboards/brand-closure.yml")).get("providers")).getFirst());
        String dashboardsInContainer = String.valueOf(map(provider.get("options")).get("path"));
        assertThat(strings(composeServices.get("grafana").get("volumes")))
                .contains("./deploy/grafana/dashboards:" + dashboardsInContainer + ":ro", "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");

        // JSON is YAML: SnakeYAML reads the dashboard too.
        var dashboard = yaml(root.resolve("deploy/grafana/dashboards/brand-closure.json"));
        List<String> expressions = new ArrayList<>();
        for (Object p : list(dashboard.get("panels"))) {
            var panel = map(p);
            if (!"row".equals(panel.get("type"))) {
                assertThat(map(panel.get("datasource"))).as("panel " + panel.get("title")).containsEntry("uid", datasource.get("uid"));
                list(panel.get("targets")).forEach(t -> expressions.add(String.valueOf(map(t).get("expr"))));
            }
        }
        String all = String.join("\n", expressions);
        for (String metric : List.of("closures_by_state", "closure_transitions_total", "outbox_backlog",
                "outbox_publish_lag_seconds", "inbox_duplicates_skipped_total", "deadletters_total", "timers_due",
                "timers_overdue", "http_server_requests_seconds", "jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag")) {
            assertThat(all).as("dashboard shows " + metric).contains(metric);
        }
    }

    @Test
    void every_file_compose_mounts_exists() {
        composeServices.forEach((name, service) -> {
            if (service.get("volumes") != null) {
                strings(service.get("volumes")).stream().filter(v -> v.startsWith("./")).forEach(v -> {
                    Path host = root.resolve(v.substring(2, v.indexOf(':')));
                    assertThat(Files.exists(host)).as(name + " mounts " + host).isTrue();
                });
            }
        });
    }

    // ---- reading the files -------------------------------------------------------------------

    @Test
    void the_compose_broker_has_the_kafka_access_security_settings_and_no_plaintext_listener() {
        var credentials = KafkaCredentials.generate();
        var environment = map(composeServices.get(serviceWithImagePrefix("apache/kafka:")).get("environment"));
        Map<String, String> broker = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                // The image's rule: strip KAFKA_, ___ is '-', __ is '_', _ is '.', lower case.
                String key = name.substring(6).replace("___", "-").replace("__", "\u0000").replace('_', '.')
                        .replace('\u0000', '_').toLowerCase(java.util.Locale.ROOT);
                broker.put(key, interpolate(String.valueOf(value), credentials));
            }
        });
        var expected = BrokerSecurity.brokerProperties(List.of("INTERNAL", "EXTERNAL"), "CONTROLLER", credentials);
        expected.forEach((key, value) -> assertThat(broker).as("kafka " + key).containsEntry(key, value));
        assertThat(broker.get("listener.security.protocol.map")).doesNotContain(":PLAINTEXT");
    }

    @Test
    void each_service_logs_in_as_its_own_principal_with_a_password_from_env_and_kafka_setup_gets_them_all() throws IOException {
        for (String module : serviceModules) {
            String name = String.valueOf(applicationYml(module, "spring", "application", "name"));
            assertThat(KafkaAccess.principal(name)).as(module + " spring.application.name is a kafka-access principal").isPresent();
            assertThat(String.valueOf(applicationYml(module, "spring", "kafka", "security", "protocol"))).isEqualTo("SASL_PLAINTEXT");
            assertThat(String.valueOf(map(applicationYml(module, "spring", "kafka", "properties")).get("sasl.jaas.config")))
                    .contains("username=\"${spring.application.name}\"", "password=\"${KAFKA_PASSWORD}\"");
            var environment = map(composeServices.get(module).get("environment"));
            assertThat(String.valueOf(environment.get("KAFKA_PASSWORD"))).as(module + " KAFKA_PASSWORD")
                    .startsWith("${" + KafkaCredentials.environmentVariable(name) + ":?");
        }
        var setup = composeServices.get("kafka-setup");
        var setupEnvironment = map(setup.get("environment"));
        for (String user : KafkaAccess.users()) {
            assertThat(String.valueOf(setupEnvironment.get(KafkaCredentials.environmentVariable(user))))
                    .as("kafka-setup gets the password of " + user)
                    .startsWith("${" + KafkaCredentials.environmentVariable(user) + ":?");
        }
        assertThat(strings(setup.get("command"))).contains(KafkaProvisioning.class.getName());
        assertThat(strings(setup.get("volumes"))).contains("./local-stack/target:/launcher:ro");
        assertThat(String.join(" ", strings(setup.get("command")))).contains("/launcher/local-stack-" + ServiceSpec.VERSION + ".jar");
    }

    @Test
    void the_credentials_script_writes_a_password_for_every_kafka_user_into_a_git_ignored_env_file() throws IOException {
        String script = Files.readString(root.resolve("deploy/kafka/generate-credentials.sh"));
        Matcher users = Pattern.compile("for user in ([a-z -]+); do").matcher(script);
        assertThat(users.find()).isTrue();
        assertThat(List.of(users.group(1).strip().split("\\s+"))).containsExactlyInAnyOrderElementsOf(KafkaAccess.users());
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
    }

    /** Compose's {@code ${KAFKA_PASSWORD_X:?..}} with the password of user x. */
    private static String interpolate(String value, KafkaCredentials credentials) {
        Matcher m = Pattern.compile("\\$\\{KAFKA_PASSWORD_([A-Z_]+):\\?[^}]*}").matcher(value);
        var out = new StringBuilder();
        while (m.find()) {
            String user = m.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            m.appendReplacement(out, Matcher.quoteReplacement(credentials.password(user)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int serverPort(String module) throws IOException {
        return ((Number) applicationYml(module, "server", "port")).intValue();
    }

    private static List<String> exposedEndpoints(String module) throws IOException {
        Object include = effective(module, "management", "endpoints", "web", "exposure", "include");
        return include instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(include).split("\\s*,\\s*"));
    }

    /**
     * The value a service runs with: its application.yml if it sets the key, else the platform's
     * shared default (PlatformDefaults), which is what Spring Boot would resolve.
     */
    private static Object effective(String module, String... keys) throws IOException {
        try {
            return applicationYml(module, keys);
        } catch (AssertionError notInYml) {
            var environment = new org.springframework.core.env.StandardEnvironment();
            new com.brandclosure.platform.ops.PlatformDefaults().postProcessEnvironment(environment, null);
            String value = environment.getProperty(String.join(".", keys));
            if (value == null) {
                throw notInYml;
            }
            return value;
        }
    }

    /** A value of the module's application.yml, by nested keys; dotted keys ({@code application.name:}) are followed too. */
    private static Object applicationYml(String module, String... keys) throws IOException {
        Object node = yaml(root.resolve(module).resolve("src/main/resources/application.yml"));
        for (int i = 0; i < keys.length; i++) {
            var m = map(node);
            if (m.containsKey(keys[i])) {
                node = m.get(keys[i]);
                continue;
            }
            // e.g. "endpoint.health.probes.enabled: true" written on one line
            String dotted = String.join(".", List.of(keys).subList(i, keys.length));
            for (var e : m.entrySet()) {
                if (dotted.equals(e.getKey()) || dotted.startsWith(e.getKey() + ".")) {
                    String rest = dotted.equals(e.getKey()) ? "" : dotted.substring(e.getKey().length() + 1);
                    if (rest.isEmpty()) {
                        return e.getValue();
                    }
                    return walk(e.getValue(), rest.split("\\."));
                }
            }
            throw new AssertionError(module + " application.yml has no " + String.join(".", keys));
        }
        return node;
    }

    private static Object walk(Object node, String... keys) {
        for (String key : keys) {
            node = map(node).get(key);
        }
        return node;
    }

    private static String databaseOf(String jdbcUrl) {
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([^?]+)").matcher(jdbcUrl);
        assertThat(m.find()).as("database in " + jdbcUrl).isTrue();
        return m.group(1);
    }

    private static String serviceWithImagePrefix(String prefix) {
        return composeServices.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith(prefix))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no compose service with image " + prefix));
    }

    private static Set<String> databasesCreatedByInitScripts(String postgresService) throws IOException {
        Set<String> databases = new TreeSet<>();
        for (String volume : strings(composeServices.get(postgresService).get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d")) {
                Matcher m = Pattern.compile("(?i)CREATE DATABASE\\s+(\\w+)").matcher(Files.readString(root.resolve(parts[0].substring(2))));
                while (m.find()) {
                    databases.add(m.group(1));
                }
            }
        }
        return databases;
    }

    /** host:port pairs the broker advertises with its own service name as host (what other containers can reach). */
    private static Set<String> advertisedKafkaAddresses(String kafkaService) {
        String advertised = String.valueOf(map(composeServices.get(kafkaService).get("environment")).get("KAFKA_ADVERTISED_LISTENERS"));
        return List.of(advertised.split(",")).stream().map(l -> l.replaceFirst("^[A-Z_]+://", ""))
                .filter(a -> a.startsWith(kafkaService + ":")).collect(Collectors.toSet());
    }

    private static String classifier(String pom) {
        Matcher m = Pattern.compile("<classifier>([^<]+)</classifier>").matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String firstTag(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(xml);
        assertThat(m.find()).as("<" + tag + ">").isTrue();
        return m.group(1).strip();
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)").matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            assertThat(args).as("Dockerfile ARG " + name + " has a value").containsKey(name);
            m.appendReplacement(out, Matcher.quoteReplacement(args.get(name)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** .dockerignore semantics: the last pattern that matches decides; '!' re-includes. */
    private static boolean dockerIgnoreKeeps(String path) throws IOException {
        boolean kept = true;
        for (String line : Files.readAllLines(root.resolve(".dockerignore"))) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean include = pattern.startsWith("!");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + (include ? pattern.substring(1) : pattern));
            if (matcher.matches(Path.of(path))) {
                kept = include;
            }
        }
        return kept;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file)) {
            return map(new Yaml().load(in));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<?>) o;
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }
}
