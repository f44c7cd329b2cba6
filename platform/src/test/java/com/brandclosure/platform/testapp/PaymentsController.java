package com.brandclosure.platform.testapp;

import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A writing endpoint with a typed JSON body, for the platform's HTTP-boundary tests; it takes the account lock. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/payments")
@Allow(Role.SERVICE)
public class PaymentsController {

    public enum Kind { CARD, TRANSFER }

    public record Payment(@NotNull @Positive Long amountMinor, @NotBlank String note, @NotNull Kind kind,
                          LocalDate on, java.time.Instant at, List<String> tags, boolean urgent) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AccountLocks locks;

    public PaymentsController(JdbcTemplate jdbc, TransactionTemplate tx, AccountLocks locks) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.locks = locks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public String pay(@PathVariable String accountId, @Valid @RequestBody Payment payment) {
        return tx.execute(s -> {
            locks.lock(accountId);
            String id = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO test_effects (event_id, account_id) VALUES (?, ?)", id, accountId);
            return id;
        });
    }

    /**
     * A read whose database connection the server cuts halfway (it terminates its own backend, as a PostgreSQL
     * restart would): the infrastructure failing under a request.
     */
    @GetMapping("/cut-connection")
    public Integer cutConnection(@PathVariable String accountId) {
        return tx.execute(s -> {
            jdbc.queryForObject("SELECT pg_terminate_backend(pg_backend_pid())::int", Integer.class);
            return jdbc.queryForObject("SELECT count(*)::int FROM test_effects WHERE account_id = ?", Integer.class,
                    accountId);
        });
    }

    @GetMapping
    public List<String> list(@PathVariable String accountId, @RequestParam(defaultValue = "10") int size,
                             @RequestParam(required = false) Kind kind, @RequestParam(required = false) String note) {
        return jdbc.queryForList("SELECT event_id FROM test_effects WHERE account_id = ? LIMIT ?", String.class,
                accountId, size);
    }
}
