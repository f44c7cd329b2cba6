package com.brandclosure.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the shared platform, under {@code platform.*}. Defaults suit production and tests alike. */
@ConfigurationProperties("platform")
public class PlatformProperties {

    private final Outbox outbox = new Outbox();
    private final Consumer consumer = new Consumer();
    private final Timers timers = new Timers();
    private final Retention retention = new Retention();
    private final EventStore eventStore = new EventStore();
    private final Kafka kafka = new Kafka();
    private final Security security = new Security();
    private final Health health = new Health();
    private final Crypto crypto = new Crypto();
    private final Shredding shredding = new Shredding();

    public Crypto getCrypto() {
        return crypto;
    }

    public Shredding getShredding() {
        return shredding;
    }

    /** Encryption of personal data (platform.crypto). */
    public static class Crypto {
        /** AES-256 master key (32 bytes, base64) wrapping the accounts' data keys; required unless a KeyWrapping bean replaces it. */
        private String masterKey;

        public String getMasterKey() {
            return masterKey;
        }

        public void setMasterKey(String masterKey) {
            this.masterKey = masterKey;
        }
    }

    /** Crypto-shredding after closure (platform.shredding). */
    public static class Shredding {
        /** How long after AccountClosed the account's data key is deleted. */
        private Duration retention = Duration.ofDays(90);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    public Health getHealth() {
        return health;
    }

    public static class Health {
        /** Readiness reports the outbox DEGRADED when the oldest unpublished row is older than this. */
        private Duration outboxMaxAge = Duration.ofSeconds(60);
        /** Readiness reports timers DEGRADED when a due timer has waited longer than this. */
        private Duration timerMaxLag = Duration.ofSeconds(60);
        /** How long a platform health check's answer is reused (readiness is public and polled). */
        private Duration cacheFor = Duration.ofSeconds(5);
        /** Longest wait for one platform health check (e.g. Kafka's cluster description). */
        private Duration checkTimeout = Duration.ofSeconds(2);

        public Duration getCacheFor() {
            return cacheFor;
        }

        public void setCacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
        }

        public Duration getCheckTimeout() {
            return checkTimeout;
        }

        public void setCheckTimeout(Duration checkTimeout) {
            this.checkTimeout = checkTimeout;
        }

        public Duration getOutboxMaxAge() {
            return outboxMaxAge;
        }

        public void setOutboxMaxAge(Duration outboxMaxAge) {
            this.outboxMaxAge = outboxMaxAge;
        }

        public Duration getTimerMaxLag() {
            return timerMaxLag;
        }

        public void setTimerMaxLag(Duration timerMaxLag) {
            this.timerMaxLag = timerMaxLag;
        }
    }
    private final Web web = new Web();

    public Security getSecurity() {
        return security;
    }

    public Web getWeb() {
        return web;
    }

    public static class Web {
        /** Largest request body accepted; larger requests get 413. */
        private long maxRequestBytes = 4L * 1024 * 1024;
        /** Longest string value accepted in a JSON request body; longer ones get 400 naming the field. */
        private int maxStringLength = 10_000;

        public int getMaxStringLength() {
            return maxStringLength;
        }

        public void setMaxStringLength(int maxStringLength) {
            this.maxStringLength = maxStringLength;
        }

        public long getMaxRequestBytes() {
            return maxRequestBytes;
        }

        public void setMaxRequestBytes(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
        }
    }

    public static class Security {
        public enum Mode { JWT, DEMO }

        /** JWT (production: bearer tokens) or DEMO (local stack: HTTP Basic demo identities). */
        private Mode mode = Mode.JWT;
        /** Demo identities; when empty in DEMO mode the documented defaults apply (password "demo"). */
        private java.util.List<DemoUser> demoUsers = new java.util.ArrayList<>();
        private final Demo demo = new Demo();

        public Demo getDemo() {
            return demo;
        }

        /** The demo-mode interlock (see {@code DemoInterlock}). */
        public static class Demo {
            /**
             * Accept the demo identities although the server is not bound to loopback. Requires a
             * generated {@link #password}: never the documented "demo" on a reachable interface.
             */
            private boolean allowRemote = false;
            /** Password of the default demo identities instead of "demo" (docker-compose passes a generated one). */
            private String password;

            public boolean isAllowRemote() {
                return allowRemote;
            }

            public void setAllowRemote(boolean allowRemote) {
                this.allowRemote = allowRemote;
            }

            public String getPassword() {
                return password;
            }

            public void setPassword(String password) {
                this.password = password;
            }
        }

        public Mode getMode() {
            return mode;
        }

        public void setMode(Mode mode) {
            this.mode = mode;
        }

        public java.util.List<DemoUser> getDemoUsers() {
            return demoUsers;
        }

        public void setDemoUsers(java.util.List<DemoUser> demoUsers) {
            this.demoUsers = demoUsers;
        }

        /**
         * The configured demo users, or the documented defaults when none are configured (with
         * {@code platform.security.demo.password} instead of "demo" when it is set).
         */
        public java.util.List<DemoUser> effectiveDemoUsers() {
            if (!demoUsers.isEmpty()) {
                return demoUsers;
            }
            java.util.List<DemoUser> defaults = DemoUser.defaults();
            if (demo.password != null && !demo.password.isBlank()) {
                defaults.forEach(u -> u.setPassword(demo.password));
            }
            return defaults;
        }

        public static class DemoUser {
            private String username;
            private String password = "demo";
            private java.util.List<com.brandclosure.platform.security.Role> roles = new java.util.ArrayList<>();
            private java.util.List<String> accounts = new java.util.ArrayList<>();

            static DemoUser of(String name, com.brandclosure.platform.security.Role role, String... accounts) {
                DemoUser u = new DemoUser();
                u.username = name;
                u.roles = java.util.List.of(role);
                u.accounts = java.util.List.of(accounts);
                return u;
            }

            /** The documented demo identities (README): password "demo" for all. */
            static java.util.List<DemoUser> defaults() {
                return java.util.List.of(
                        of("acme-admin", com.brandclosure.platform.security.Role.BRAND_ADMIN, "acme"),
                        of("globex-admin", com.brandclosure.platform.security.Role.BRAND_ADMIN, "globex"),
                        of("support-alice", com.brandclosure.platform.security.Role.SUPPORT),
                        of("support-bob", com.brandclosure.platform.security.Role.SUPPORT),
                        of("ops", com.brandclosure.platform.security.Role.OPS),
                        of("service", com.brandclosure.platform.security.Role.SERVICE));
            }

            public String getUsername() {
                return username;
            }

            public void setUsername(String username) {
                this.username = username;
            }

            public String getPassword() {
                return password;
            }

            public void setPassword(String password) {
                this.password = password;
            }

            public java.util.List<com.brandclosure.platform.security.Role> getRoles() {
                return roles;
            }

            public void setRoles(java.util.List<com.brandclosure.platform.security.Role> roles) {
                this.roles = roles;
            }

            public java.util.List<String> getAccounts() {
                return accounts;
            }

            public void setAccounts(java.util.List<String> accounts) {
                this.accounts = accounts;
            }
        }
    }

    public Kafka getKafka() {
        return kafka;
    }

    public static class Kafka {
        /** Partitions of each topic created at start-up (more partitions: more consumer instances). */
        private int partitions = 4;
        /** Replication factor of those topics: 1 for a single local broker, 3 in production. */
        private short replicationFactor = 1;

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Timers getTimers() {
        return timers;
    }

    public Retention getRetention() {
        return retention;
    }

    public EventStore getEventStore() {
        return eventStore;
    }

    public static class Outbox {
        /** Run the relay in this instance. */
        private boolean relayEnabled = true;
        /** Rows per relay round. */
        private int batchSize = 5000;
        /** Poll interval when no NOTIFY arrives. */
        private Duration pollInterval = Duration.ofMillis(500);

        public boolean isRelayEnabled() {
            return relayEnabled;
        }

        public void setRelayEnabled(boolean relayEnabled) {
            this.relayEnabled = relayEnabled;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    public static class Consumer {
        /** Delivery attempts of a failing record before it goes to the dead-letter topic. */
        private int maxAttempts = 3;
        /** Pause between attempts. */
        private Duration retryBackoff = Duration.ofMillis(200);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getRetryBackoff() {
            return retryBackoff;
        }

        public void setRetryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }
    }

    public static class Timers {
        /** Run the timer scheduler in this instance. */
        private boolean enabled = true;
        private Duration pollingInterval = Duration.ofSeconds(1);
        private int threads = 4;
        /** Failed attempts in a row after which a timer is parked (failures of the infrastructure never park). */
        private int maxAttempts = 8;
        /** Delay before the first retry of a failed timer; doubled after each further failure. */
        private Duration retryBackoff = Duration.ofSeconds(1);
        /** The longest delay between two attempts. */
        private Duration maxRetryBackoff = Duration.ofMinutes(5);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getRetryBackoff() {
            return retryBackoff;
        }

        public void setRetryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }

        public Duration getMaxRetryBackoff() {
            return maxRetryBackoff;
        }

        public void setMaxRetryBackoff(Duration maxRetryBackoff) {
            this.maxRetryBackoff = maxRetryBackoff;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPollingInterval() {
            return pollingInterval;
        }

        public void setPollingInterval(Duration pollingInterval) {
            this.pollingInterval = pollingInterval;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }
    }

    public static class Retention {
        /** How long published outbox rows are kept. */
        private Duration outbox = Duration.ofDays(7);
        /** How long processed-message records are kept; longer than the consumed topics' retention. */
        private Duration processedMessages = Duration.ofDays(30);
        /** How often the purge runs. */
        private Duration interval = Duration.ofHours(1);
        /** How long a dead letter is kept after it was replayed. */
        private Duration replayedDeadLetters = Duration.ofDays(7);
        /** How long any dead letter is kept, replayed or not (the DLT topic keeps its own copy). */
        private Duration deadLetters = Duration.ofDays(90);

        public Duration getReplayedDeadLetters() {
            return replayedDeadLetters;
        }

        public void setReplayedDeadLetters(Duration replayedDeadLetters) {
            this.replayedDeadLetters = replayedDeadLetters;
        }

        public Duration getDeadLetters() {
            return deadLetters;
        }

        public void setDeadLetters(Duration deadLetters) {
            this.deadLetters = deadLetters;
        }

        public Duration getOutbox() {
            return outbox;
        }

        public void setOutbox(Duration outbox) {
            this.outbox = outbox;
        }

        public Duration getProcessedMessages() {
            return processedMessages;
        }

        public void setProcessedMessages(Duration processedMessages) {
            this.processedMessages = processedMessages;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    public static class EventStore {
        /** Save a snapshot every this many events of a stream (0: never). */
        private int snapshotEvery = 100;
        /** Attempts of one unit of work that loses a concurrency race before the conflict reaches the caller. */
        private int commandMaxAttempts = 5;

        public int getCommandMaxAttempts() {
            return commandMaxAttempts;
        }

        public void setCommandMaxAttempts(int commandMaxAttempts) {
            this.commandMaxAttempts = commandMaxAttempts;
        }

        /** Longest wait for an account's lock; then the command fails as busy (HTTP 503 with Retry-After). */
        private Duration lockTimeout = Duration.ofSeconds(5);

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }

        public int getSnapshotEvery() {
            return snapshotEvery;
        }

        public void setSnapshotEvery(int snapshotEvery) {
            this.snapshotEvery = snapshotEvery;
        }
    }
}
