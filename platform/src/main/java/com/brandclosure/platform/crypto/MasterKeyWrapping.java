package com.brandclosure.platform.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Wraps data keys with AES-256-GCM under one master key ({@code platform.crypto.master-key}, 32 bytes
 * in base64). The account id is the additional authenticated data, so a wrapped key copied to another
 * account's row does not unwrap. Stored form: 12-byte IV, then ciphertext and tag.
 */
public final class MasterKeyWrapping implements KeyWrapping {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec master;

    public MasterKeyWrapping(String base64MasterKey) {
        if (base64MasterKey == null || base64MasterKey.isBlank()) {
            throw new IllegalStateException("platform.crypto.master-key is not set: personal data cannot be"
                    + " encrypted (32 random bytes in base64, e.g. `openssl rand -base64 32`)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64MasterKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("platform.crypto.master-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("platform.crypto.master-key must be 32 bytes (AES-256), is " + key.length);
        }
        this.master = new SecretKeySpec(key, "AES");
    }

    /** A fresh random master key in base64 (test kit, local stack). */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public byte[] wrap(String accountId, byte[] dataKey) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, iv));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] out = Arrays.copyOf(iv, 12 + sealed.length);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the data key of " + accountId, e);
        }
    }

    @Override
    public byte[] unwrap(String accountId, byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, wrapped, 0, 12));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap the data key of " + accountId
                    + " (another master key, or the row was tampered with)", e);
        }
    }
}
