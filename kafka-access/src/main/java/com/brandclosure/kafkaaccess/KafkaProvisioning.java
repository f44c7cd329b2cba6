package com.brandclosure.kafkaaccess;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Brings a broker configured with {@link BrokerSecurity} to the state {@link KafkaAccess} describes, as
 * {@code admin}; safe to run at every start (everything is an upsert):
 * <ol>
 *   <li>the SCRAM credential of every user, with the passwords given now (a changed password takes effect);</li>
 *   <li>the ACLs (ACLs of these principals that are no longer described are removed);</li>
 *   <li>every system topic and its dead-letter topic, where missing;</li>
 *   <li>waits until a SCRAM login as admin works: the broker applies new credentials from the metadata log a
 *       moment after the controller accepted them, and a client refused then would not retry.</li>
 * </ol>
 * It logs in with PLAIN as admin ({@link KafkaCredentials#bootstrapAdminProperties()}), which works on a
 * fresh cluster.
 */
public final class KafkaProvisioning {

    /** Above Kafka's minimum (4096); each login costs this many hash rounds on both sides. */
    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaProvisioning() {
    }

    /**
     * The one-shot set-up docker-compose runs ({@code kafka-setup}): bootstrap servers from
     * {@code KAFKA_BOOTSTRAP_SERVERS}, passwords from {@code KAFKA_PASSWORD_<USER>}
     * ({@link KafkaCredentials#fromEnvironment(Map)}), partitions from {@code KAFKA_PARTITIONS} (4).
     * Exits non-zero when the set-up fails, so the services (which wait for it) do not start.
     */
    public static void main(String[] args) {
        var environment = System.getenv();
        String bootstrap = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        int partitions = Integer.parseInt(environment.getOrDefault("KAFKA_PARTITIONS", "4"));
        try {
            apply(bootstrap, KafkaCredentials.fromEnvironment(environment), partitions, (short) 1, Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            System.err.println("Kafka set-up failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("Kafka set-up done on " + bootstrap + ": users " + KafkaAccess.users() + ", "
                + KafkaAccess.aclBindings().size() + " ACLs, topics " + KafkaAccess.allTopics());
    }

    public static void apply(String bootstrapServers, KafkaCredentials credentials, int partitions,
                             short replicationFactor, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var config = new HashMap<String, Object>(credentials.bootstrapAdminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(withTimeouts(config))) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            for (String user : KafkaAccess.users()) {
                upserts.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), credentials.password(user)));
            }
            admin.alterUserScramCredentials(upserts).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
            applyAcls(admin, deadline);
            createTopics(admin, partitions, replicationFactor, deadline);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up Kafka users, ACLs and topics on " + bootstrapServers + ": "
                    + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up Kafka users, ACLs and topics on " + bootstrapServers + ": " + e, e);
        }
        awaitScramLogin(bootstrapServers, credentials, deadline);
    }

    private static void applyAcls(Admin controller, long deadline) throws Exception {
        Set<AclBinding> wanted = KafkaAccess.aclBindings();
        Set<String> principals = new HashSet<>();
        KafkaAccess.PRINCIPALS.forEach(p -> principals.add("User:" + p.name()));
        var existing = controller.describeAcls(AclBindingFilter.ANY).values().get(remaining(deadline), TimeUnit.MILLISECONDS);
        List<AclBindingFilter> stale = existing.stream()
                .filter(b -> principals.contains(b.entry().principal()) && !wanted.contains(b))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            controller.deleteAcls(stale).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
        }
        var missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
        if (!missing.isEmpty()) {
            controller.createAcls(missing).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
        }
    }

    private static void createTopics(Admin admin, int partitions, short replicationFactor, long deadline) throws Exception {
        Set<String> names = admin.listTopics().names().get(remaining(deadline), TimeUnit.MILLISECONDS);
        List<NewTopic> create = KafkaAccess.allTopics().stream().filter(t -> !names.contains(t))
                .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
        if (!create.isEmpty()) {
            try {
                admin.createTopics(create).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static void awaitScramLogin(String bootstrapServers, KafkaCredentials credentials, long deadline) {
        Exception last = null;
        while (System.nanoTime() < deadline) {
            var config = new HashMap<String, Object>(credentials.clientProperties(KafkaAccess.ADMIN));
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            try (Admin admin = Admin.create(withTimeouts(config))) {
                admin.describeCluster().nodes().get(remaining(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (Exception e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka credentials", interrupted);
                }
            }
        }
        throw new IllegalStateException("the SCRAM credentials set on " + bootstrapServers + " never took effect: " + last, last);
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> properties) {
        var config = new HashMap<>(properties);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return config;
    }

    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
