package com.brandclosure.platform.crypto;

/**
 * The account's personal data was shredded after its closure: nothing more is accepted for it (HTTP
 * 410; a consumer dead-letters the record with this reason). A shredded account cannot be reopened.
 */
public class AccountShreddedException extends RuntimeException {

    private final String accountId;

    public AccountShreddedException(String accountId) {
        super("account " + accountId + " was closed and its data shredded: nothing more is accepted for it");
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
