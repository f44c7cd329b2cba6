package com.brandclosure.payouts.persistence;

import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.shredding.Redaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At the account's shredding: the actions read model keeps amounts, dates and states, with partner ids and
 * reasons redacted; the contract periods (partner ids from contracts-service) likewise.
 */
@Component
public class PayoutsRedaction implements Redaction {

    private final JdbcTemplate jdbc;

    public PayoutsRedaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "payouts read models: partner ids, reasons";
    }

    @Override
    public void redact(String accountId) {
        jdbc.update("""
                UPDATE actions SET partner_id = ?, reason = CASE WHEN reason IS NULL THEN NULL ELSE ? END
                WHERE account_id = ?""", PersonalData.SHREDDED, PersonalData.SHREDDED, accountId);
        jdbc.update("UPDATE contract_periods SET partner_id = ? WHERE account_id = ?", PersonalData.SHREDDED, accountId);
    }
}
