package com.brandclosure.platform.outbox;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * LISTENs on the channel a statement-level trigger on {@code outbox} notifies, and wakes the
 * relay at once. If the connection breaks, it reconnects; meanwhile the relay's polling keeps
 * everything moving, only slower.
 */
public class OutboxNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    static final String CHANNEL = "outbox_inserted";

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private volatile boolean running;
    private Thread thread;

    public OutboxNotifications(DataSource dataSource, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.relay = relay;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-listen");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        relay.wakeUp();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("outbox LISTEN connection lost, relying on polling until it is back: {}", e.toString());
                    try {
                        Thread.sleep(1_000); // reconnect back-off, not a correctness wait
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
