package com.brandclosure.platform.shredding;

/**
 * A service's read models of an account, redacted or deleted when the account is shredded (in the
 * shredding's transaction, under the account's lock). Declare one bean per read model holding
 * personal data; its {@link #kind()} is recorded in {@link AccountDataShredded}.
 */
public interface Redaction {

    /** What this redacts, for the record, e.g. {@code "contracts read model: partner ids, landing URLs, comments"}. */
    String kind();

    void redact(String accountId);
}
