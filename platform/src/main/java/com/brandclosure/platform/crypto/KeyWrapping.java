package com.brandclosure.platform.crypto;

/**
 * Wraps and unwraps the accounts' data keys. The platform's own implementation is
 * {@link MasterKeyWrapping} (a master key from configuration); a key-management service plugs in by
 * declaring a bean of this type (e.g. calling KMS Encrypt/Decrypt or a Vault transit key with the
 * account id as encryption context), which replaces the default.
 */
public interface KeyWrapping {

    /** The data key encrypted for storage; {@code accountId} binds it to its account. */
    byte[] wrap(String accountId, byte[] dataKey);

    /** The data key back; fails if the wrapped bytes were not made for {@code accountId}. */
    byte[] unwrap(String accountId, byte[] wrapped);
}
