package com.brandclosure.kafkaaccess;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The passwords of the {@link KafkaAccess#users()}: generated (random, alphanumeric, so they can sit in
 * a JAAS line unquoted-safe), or read from a properties file {@code <user>=<password>}. Nothing here
 * has a default password: an environment either generates them or supplies them.
 */
public final class KafkaCredentials {

    /** Client setting {@code security.protocol} on every listener a client can reach. */
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        for (String user : KafkaAccess.users()) {
            String password = passwords.get(user);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("no Kafka password for user " + user);
            }
            if (!password.matches("[A-Za-z0-9._~+/=-]{12,}")) {
                throw new IllegalArgumentException("the Kafka password of " + user
                        + " must be at least 12 characters of letters, digits and ._~+/=-");
            }
        }
        this.passwords = Map.copyOf(passwords);
    }

    /** New random passwords for every user. */
    public static KafkaCredentials generate() {
        var passwords = new LinkedHashMap<String, String>();
        KafkaAccess.users().forEach(u -> passwords.put(u, randomPassword()));
        return new KafkaCredentials(passwords);
    }

    public static KafkaCredentials of(Map<String, String> passwords) {
        return new KafkaCredentials(passwords);
    }

    /** The environment variable holding a user's password: {@code KAFKA_PASSWORD_CATALOG_SERVICE} for catalog-service. */
    public static String environmentVariable(String user) {
        return "KAFKA_PASSWORD_" + user.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** Every user's password from {@link #environmentVariable(String)} (docker-compose passes them from .env). */
    public static KafkaCredentials fromEnvironment(Map<String, String> environment) {
        var passwords = new LinkedHashMap<String, String>();
        for (String user : KafkaAccess.users()) {
            String value = environment.get(environmentVariable(user));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(environmentVariable(user) + " is not set");
            }
            passwords.put(user, value.strip());
        }
        return new KafkaCredentials(passwords);
    }

    /**
     * Reads the file, adding a generated password for every user it lacks (and creating it when
     * missing), readable by its owner only where the file system allows.
     */
    public static KafkaCredentials loadOrCreate(Path file) throws IOException {
        var properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        var passwords = new TreeMap<String, String>();
        properties.forEach((k, v) -> passwords.put(String.valueOf(k), String.valueOf(v).strip()));
        boolean changed = false;
        for (String user : KafkaAccess.users()) {
            if (!passwords.containsKey(user)) {
                passwords.put(user, randomPassword());
                changed = true;
            }
        }
        var credentials = new KafkaCredentials(passwords);
        if (changed) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var out = new Properties();
            out.putAll(passwords);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.store(w, "Kafka SCRAM passwords of the local stack, generated once (user=password). Deleting this file"
                        + " makes new ones at the next start.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the folder's own permissions apply
            }
        }
        return credentials;
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("unknown Kafka user " + user);
        }
        return password;
    }

    /** {@code sasl.jaas.config} of a SCRAM client logging in as {@code user}. */
    public String jaasConfig(String user) {
        return scramJaas(user, password(user));
    }

    /** Plain Kafka client properties (producer, consumer, admin) authenticating as {@code user}. */
    public Map<String, Object> clientProperties(String user) {
        return Map.of("security.protocol", SECURITY_PROTOCOL,
                "sasl.mechanism", KafkaAccess.MECHANISM,
                "sasl.jaas.config", jaasConfig(user));
    }

    /** The same as Spring Boot properties ({@code spring.kafka.*}) for an application context. */
    public Map<String, Object> springProperties(String user) {
        return Map.of("spring.kafka.security.protocol", SECURITY_PROTOCOL,
                "spring.kafka.properties.sasl.mechanism", KafkaAccess.MECHANISM,
                "spring.kafka.properties.sasl.jaas.config", jaasConfig(user));
    }

    /**
     * Client properties of {@link KafkaAccess#ADMIN} with PLAIN: works before the SCRAM credentials exist
     * (the broker's JAAS line defines the super users); the set-up uses it, everything else SCRAM.
     */
    public Map<String, Object> bootstrapAdminProperties() {
        return Map.of("security.protocol", SECURITY_PROTOCOL,
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + KafkaAccess.ADMIN + "\" password=\"" + password(KafkaAccess.ADMIN) + "\";");
    }

    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static String randomPassword() {
        var b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "KafkaCredentials" + passwords.keySet();
    }
}
