package com.brandclosure.kafkaaccess;

import com.brandclosure.events.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what on the system's Kafka: one SCRAM principal per service plus {@code tracking}, and
 * the ACLs the broker's {@code StandardAuthorizer} enforces (everything not granted is refused).
 * <ul>
 *   <li>WRITE: the principal's own topic, and {@code <topic>.DLT} of every topic it consumes (the
 *       platform's dead-letter recoverer publishes there).</li>
 *   <li>READ: the topics it consumes, and consumer groups starting with its {@link Principal#groupPrefix()}
 *       (a service's groups are its application name or its listener ids, all under that prefix).</li>
 *   <li>DESCRIBE on every system topic: the platform's KafkaAdmin describes all of them at start-up and
 *       creates only missing ones; without DESCRIBE it could not tell "exists" from "missing". No
 *       principal but {@link #ADMIN} may create topics: the broker set-up creates them.</li>
 * </ul>
 * {@link #BROKER} (the broker's own inter-broker and controller identity) and {@link #ADMIN} (topic and
 * ACL set-up, test probes, operator tools) are super users and need no ACLs. IdempotentWrite on the
 * cluster is implied by WRITE on any topic (Kafka 3.0+), so idempotent producers need nothing more.
 */
public final class KafkaAccess {

    /** Super user for set-up and tooling: never configured in a service. */
    public static final String ADMIN = "admin";
    /** The broker's own principal (inter-broker listener and KRaft controller listener); super user. */
    public static final String BROKER = "broker";
    /** Tracking systems: may only publish conversions to the ingest topic. */
    public static final String TRACKING = "tracking";
    /** Client listeners authenticate with this mechanism; credentials live in the cluster metadata. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * A principal (Kafka user name, {@code User:<name>}), the topics it writes and reads, and the prefix
     * of its consumer groups ({@code null}: it consumes nothing).
     */
    public record Principal(String name, List<String> writes, List<String> reads, String groupPrefix) {
        public Principal {
            writes = List.copyOf(writes);
            reads = List.copyOf(reads);
        }

        /** Topics this principal may write: its own and the dead-letter topics of what it reads. */
        public List<String> writableTopics() {
            var topics = new ArrayList<>(writes);
            reads.forEach(t -> topics.add(t + Topics.DEAD_LETTER_SUFFIX));
            return List.copyOf(topics);
        }
    }

    /** Every principal that is not a super user; service principals are named like the service's spring.application.name. */
    public static final List<Principal> PRINCIPALS = List.of(
            new Principal("closure-orchestrator", List.of(Topics.CLOSURE),
                    List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG), "closure-"),
            new Principal("contracts-service", List.of(Topics.CONTRACTS), List.of(Topics.CLOSURE, Topics.PAYOUTS),
                    "contracts-"),
            new Principal("payouts-service", List.of(Topics.PAYOUTS),
                    List.of(Topics.CONTRACTS, Topics.CLOSURE, Topics.ACTIONS_INGEST), "payouts-"),
            new Principal("funding-service", List.of(Topics.FUNDING), List.of(Topics.PAYOUTS, Topics.CLOSURE), "funding-"),
            new Principal("catalog-service", List.of(Topics.CATALOG), List.of(Topics.CLOSURE), "catalog-"),
            new Principal(TRACKING, List.of(Topics.ACTIONS_INGEST), List.of(), null));

    /** The system's topics, without their dead-letter topics. */
    public static final List<String> TOPICS = List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG,
            Topics.CLOSURE, Topics.ACTIONS_INGEST);

    private KafkaAccess() {
    }

    public static Optional<Principal> principal(String name) {
        return PRINCIPALS.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Every SCRAM user the broker set-up creates: the super users and {@link #PRINCIPALS}. */
    public static List<String> users() {
        var users = new ArrayList<String>(List.of(BROKER, ADMIN));
        PRINCIPALS.forEach(p -> users.add(p.name()));
        return List.copyOf(users);
    }

    /** The value of the broker's {@code super.users}. */
    public static String superUsers() {
        return "User:" + BROKER + ";User:" + ADMIN;
    }

    /** Each system topic and its dead-letter topic: what the broker set-up creates. */
    public static List<String> allTopics() {
        var topics = new ArrayList<String>();
        TOPICS.forEach(t -> {
            topics.add(t);
            topics.add(t + Topics.DEAD_LETTER_SUFFIX);
        });
        return List.copyOf(topics);
    }

    /** The ACLs of every principal in {@link #PRINCIPALS}. */
    public static Set<AclBinding> aclBindings() {
        var bindings = new LinkedHashSet<AclBinding>();
        PRINCIPALS.forEach(p -> bindings.addAll(aclBindings(p)));
        return bindings;
    }

    public static Set<AclBinding> aclBindings(Principal principal) {
        var bindings = new LinkedHashSet<AclBinding>();
        String user = "User:" + principal.name();
        principal.writableTopics().forEach(t -> bindings.add(allow(user, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.WRITE)));
        principal.reads().forEach(t -> bindings.add(allow(user, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ)));
        if (principal.groupPrefix() != null) {
            bindings.add(allow(user, ResourceType.GROUP, principal.groupPrefix(), PatternType.PREFIXED, AclOperation.READ));
            allTopics().forEach(t -> bindings.add(allow(user, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.DESCRIBE)));
        }
        return bindings;
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }
}
