package com.brandclosure.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/journey.md} works as written: its bash blocks, in order, in one shell, against the five
 * services in the local stack's demo (HTTP Basic) mode. Only what differs from the local stack is
 * changed in the text: the ports (the services run on free ports here) and the brand (the doc's
 * {@code acme} is used by other tests of this JVM, so the same calls run for the other demo brand,
 * {@code globex}). Dates come from the services' clocks and ids from the answers, as the doc says,
 * so the run proves it works on whatever day the clocks say.
 */
@ExtendWith(RunningSystem.Extension.class)
class JourneyDocTest {

    private static final Path JOURNEY = Path.of(System.getProperty("system-tests.repository-root", ".."))
            .resolve("docs/journey.md").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern LOCAL_PORT = Pattern.compile("\\b808([0-4])\\b");
    private static final List<String> BY_PORT = List.of(RunningSystem.ORCHESTRATOR, RunningSystem.CONTRACTS,
            RunningSystem.PAYOUTS, RunningSystem.FUNDING, RunningSystem.CATALOG);

    private final RunningSystem system = RunningSystem.get();

    @Test
    void the_journey_runs_as_written_to_account_closed() throws Exception {
        // The doc's reader needs bash, curl and jq (README; .ci/run installs jq): missing, the test fails saying so.
        Process tools = new ProcessBuilder("bash", "-c", "command -v curl && command -v jq").redirectErrorStream(true).start();
        assertThat(tools.waitFor()).as("curl and jq on the PATH (docs/journey.md uses both)").isZero();
        String script = script(Files.readString(JOURNEY, StandardCharsets.UTF_8));
        Path log = Path.of("target", "journey-doc.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        system.switchSecurity(RunningSystem.Security.DEMO);
        try {
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean ended = bash.waitFor(10, TimeUnit.MINUTES);
            if (!ended) {
                bash.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the journey ended within 10 minutes; its output:\n" + tail(output)).isTrue();
            assertThat(bash.exitValue()).as("the journey's exit code; its output (" + log + "):\n" + tail(output))
                    .isZero();

            var closure = system.http.get(system.url(RunningSystem.ORCHESTRATOR, "/api/v1/accounts/globex/closure"),
                    Http.basic("globex-admin", "demo")).ok();
            assertThat(closure.get("state").asString()).isEqualTo("AccountClosed");
            // What the doc printed at its last step: the saga's audit trail, ending with the closure.
            assertThat(output).contains("AccountDeactivated").contains("AccountClosed");
        } finally {
            // The script moved every clock itself: remember where they are, so that a restart catches up.
            system.clocks.adopt(RunningSystem.ORCHESTRATOR);
            system.switchSecurity(RunningSystem.Security.JWT);
        }
    }

    /** The doc's bash blocks in order, with this system's ports and the other demo brand. */
    private String script(String journey) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(journey);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("bash blocks in " + JOURNEY).hasSizeGreaterThan(3);
        Map<String, ServiceNode> nodes = new java.util.HashMap<>();
        BY_PORT.forEach(module -> nodes.put(module, system.service(module)));
        String text = String.join("\n", blocks);
        text = LOCAL_PORT.matcher(text).replaceAll(r -> Integer.toString(nodes.get(BY_PORT.get(Integer.parseInt(r.group(1)))).port));
        return text.replace("acme", "globex");
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "…" + output.substring(output.length() - 6000);
    }
}
