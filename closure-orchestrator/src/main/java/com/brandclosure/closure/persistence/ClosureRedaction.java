package com.brandclosure.closure.persistence;

import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.shredding.Redaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** At the account's shredding: the closure summary keeps state, times and ticket; who initiated is redacted. */
@Component
public class ClosureRedaction implements Redaction {

    private final JdbcTemplate jdbc;

    public ClosureRedaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "closure summary: initiator";
    }

    @Override
    public void redact(String accountId) {
        jdbc.update("""
                UPDATE closure_summary SET initiated_by = CASE WHEN initiated_by IS NULL THEN NULL ELSE ? END
                WHERE account_id = ?""", PersonalData.SHREDDED, accountId);
    }
}
