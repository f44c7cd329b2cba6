package com.brandclosure.contracts.persistence;

import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.shredding.Redaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At the account's shredding: the contract and link read models keep their rows (ids, statuses, times,
 * counts) with partner ids, landing URLs and comments redacted; the stored answers of idempotent requests,
 * which repeat them, are deleted.
 */
@Component
public class ContractsRedaction implements Redaction {

    private final JdbcTemplate jdbc;

    public ContractsRedaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "contracts read models: partner ids, landing URLs, comments; stored idempotent answers";
    }

    @Override
    public void redact(String accountId) {
        jdbc.update("""
                UPDATE contract_view SET partner_id = ?, landing_url = ?,
                       comment = CASE WHEN comment IS NULL THEN NULL ELSE ? END
                WHERE account_id = ?""", PersonalData.SHREDDED, PersonalData.SHREDDED, PersonalData.SHREDDED, accountId);
        jdbc.update("UPDATE tracking_link_view SET landing_url = ? WHERE account_id = ?", PersonalData.SHREDDED, accountId);
        jdbc.update("DELETE FROM idempotency_keys WHERE account_id = ?", accountId);
    }
}
