package com.brandclosure.kafkaaccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The broker settings for authenticated, authorised Kafka (KRaft, one node or more):
 * <ul>
 *   <li>client listeners: SASL_PLAINTEXT with SCRAM-SHA-512 for everyone; the SCRAM credentials are records
 *       in the cluster metadata ({@link KafkaProvisioning} creates them), so the broker's files hold none of the
 *       services' passwords. The same listeners also take PLAIN for the two super users only ({@code broker},
 *       {@code admin}, from the JAAS line): that is how the set-up logs in before any SCRAM credential exists
 *       (the Admin API cannot create SCRAM credentials over the controller listener), and how the broker talks
 *       to itself;</li>
 *   <li>the KRaft controller listener: SASL_PLAINTEXT with PLAIN, the same two users (SCRAM cannot authenticate
 *       the controller listener: the controller would need the metadata it is about to serve);</li>
 *   <li>{@code StandardAuthorizer}, no access without an ACL, super users {@code broker} and {@code admin}.</li>
 * </ul>
 * No listener is PLAINTEXT: an unauthenticated client cannot open a session anywhere.
 */
public final class BrokerSecurity {

    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private BrokerSecurity() {
    }

    /**
     * @param clientListeners    the names of the listeners clients use (the first is the inter-broker listener)
     * @param controllerListener the name of the KRaft controller listener
     */
    public static Map<String, String> brokerProperties(List<String> clientListeners, String controllerListener,
                                                       KafkaCredentials credentials) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("listener.security.protocol.map", clientListeners.stream()
                .map(l -> l + ":" + KafkaCredentials.SECURITY_PROTOCOL).collect(Collectors.joining(","))
                + "," + controllerListener + ":" + KafkaCredentials.SECURITY_PROTOCOL);
        properties.put("inter.broker.listener.name", clientListeners.getFirst());
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        for (String listener : clientListeners) {
            String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
            properties.put(prefix + "sasl.enabled.mechanisms", KafkaAccess.MECHANISM + ",PLAIN");
            properties.put(prefix + KafkaAccess.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            properties.put(prefix + "plain.sasl.jaas.config", superUsersPlainJaas(credentials));
        }
        String controller = "listener.name." + controllerListener.toLowerCase(Locale.ROOT) + ".";
        properties.put(controller + "sasl.enabled.mechanisms", "PLAIN");
        properties.put(controller + "plain.sasl.jaas.config", superUsersPlainJaas(credentials));
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", KafkaAccess.superUsers());
        // Only the set-up creates topics; auto-creation would need CREATE on the cluster anyway.
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }

    /** Server side: the users PLAIN accepts; client side (the broker's own connections): the broker's login. */
    private static String superUsersPlainJaas(KafkaCredentials credentials) {
        String brokerPassword = credentials.password(KafkaAccess.BROKER);
        return PLAIN_MODULE + " required username=\"" + KafkaAccess.BROKER + "\" password=\"" + brokerPassword
                + "\" user_" + KafkaAccess.BROKER + "=\"" + brokerPassword
                + "\" user_" + KafkaAccess.ADMIN + "=\"" + credentials.password(KafkaAccess.ADMIN) + "\";";
    }
}
