package com.brandclosure.platform.security;

import com.brandclosure.platform.crypto.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/accounts/{accountId}/audit}: this service's part of an account's audit
 * trail: every stored event of the account with who, when, why (payload) and its
 * correlation/causation ids, oldest first. For SUPPORT and OPS.
 */
@RestController
public class AuditController {

    private final JdbcTemplate jdbc;
    private final PersonalData personal;

    /**
     * @param personal opens the sealed personal fields and actors for the reader (markers once the
     *                 account is shredded; see platform.crypto)
     */
    public AuditController(JdbcTemplate jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** One entry of the trail. {@code position} pages: pass the last one seen as {@code after}. */
    public record AuditEntry(long position, String stream, long version, String type, Instant occurredAt, String actor,
                             String correlationId, String causationId, String eventId, String payload) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/audit")
    @Allow({Role.SUPPORT, Role.OPS})
    public List<AuditEntry> audit(@PathVariable String accountId, @RequestParam(defaultValue = "0") long after,
                                  @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be between 1 and 5000");
        }
        return jdbc.query("""
                SELECT global_position, stream_id, version, event_type, occurred_at, actor, correlation_id, causation_id,
                       event_id::text, payload::text
                FROM events WHERE account_id = ? AND global_position > ? ORDER BY global_position LIMIT ?""",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), personal.openText(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), opened(rs.getString(10))), accountId, after, limit);
    }

    private String opened(String payload) {
        return personal.openJson(payload);
    }
}
