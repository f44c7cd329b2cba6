package com.brandclosure.catalog.persistence;

import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.shredding.Redaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** At the account's shredding: the catalog read model keeps ids, statuses and times; catalog names are redacted. */
@Component
public class CatalogRedaction implements Redaction {

    private final JdbcTemplate jdbc;

    public CatalogRedaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "catalog read model: catalog names";
    }

    @Override
    public void redact(String accountId) {
        jdbc.update("UPDATE catalog_view SET name = ? WHERE account_id = ?", PersonalData.SHREDDED, accountId);
    }
}
