package com.brandclosure.platform.security;

import com.brandclosure.platform.web.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    /** One entry of the trail: {@code position} is its place in the store (the trail's order). */
    public record AuditEntry(long position, String stream, long version, String type, Instant occurredAt, String actor,
                             String correlationId, String causationId, String eventId, String payload) {
    }

    /**
     * One page of the trail, oldest first ({@link Paging}: {@code ?limit=}, {@code ?after=} from the Link header).
     * Read-only transaction: opening the sealed fields looks the data key up on the rows' own connection, not on a
     * second one taken while the first is held (see {@code EventStore#reading}).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    @GetMapping("/api/v1/accounts/{accountId}/audit")
    @Allow({Role.SUPPORT, Role.OPS})
    public List<AuditEntry> audit(@PathVariable String accountId, @RequestParam(required = false)
                                  @Min(value = 1, message = Paging.LIMIT_REASON)
                                  @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_REASON) Integer limit,
                                  @RequestParam(required = false) String after) {
        Paging.Request page = Paging.request(limit, after, 1);
        long from = page.fromStart() ? 0 : page.afterNumber(0);
        return Paging.page(jdbc.query("""
                SELECT global_position, stream_id, version, event_type, occurred_at, actor, correlation_id, causation_id,
                       event_id::text, payload::text
                FROM events WHERE account_id = ? AND global_position > ? ORDER BY global_position LIMIT ?""",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), personal.openText(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), opened(rs.getString(10))), accountId, from, page.fetch()),
                page, entry -> Paging.cursor(Long.toString(entry.position())));
    }

    private String opened(String payload) {
        return personal.openJson(payload);
    }

}
