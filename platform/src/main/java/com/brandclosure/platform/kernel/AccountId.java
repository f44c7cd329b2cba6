package com.brandclosure.platform.kernel;

/**
 * The brand account id: the key of every topic and the tenant of every aggregate. Letters,
 * digits, '-' and '_' only, at most 64 characters, so it is safe in URLs, stream ids and keys.
 */
public record AccountId(String value) {

    /** The pattern of an account id, for path variables ({@code @Pattern(regexp = AccountId.PATTERN)}) and checks. */
    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";

    public AccountId {
        if (value == null || !value.matches(PATTERN)) {
            throw new IllegalArgumentException(
                    "account id must be 1-64 characters of letters, digits, '-' or '_', was: " + value);
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
