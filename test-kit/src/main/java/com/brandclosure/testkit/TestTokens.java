package com.brandclosure.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Real RS256 JWTs for tests, signed by a key made once per JVM; the services verify them with
 * the public key (set through {@link #properties()}), exactly as production verifies its issuer's
 * tokens. Claims: {@code sub} (the actor), {@code roles}, {@code accounts}.
 */
public final class TestTokens {

    private static final KeyPair KEYS;
    private static final Path PUBLIC_KEY;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
            PUBLIC_KEY = Files.createTempFile("test-jwt-public", ".pem");
            PUBLIC_KEY.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(PUBLIC_KEY, pem);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestTokens() {
    }

    /** Points a service's resource server at the test key (JWT mode, as in production). */
    public static Map<String, Object> properties() {
        return Map.of(
                "platform.security.mode", "jwt",
                "spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + PUBLIC_KEY);
    }

    public static String token(String subject, List<String> roles, List<String> accounts) {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer("test-kit")
                    .issueTime(Date.from(Instant.now()))
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                    .claim("roles", roles)
                    .claim("accounts", accounts)
                    .build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Authorization} header value for a brand admin of the given accounts. */
    public static String brandAdmin(String subject, String... accounts) {
        return "Bearer " + token(subject, List.of("BRAND_ADMIN"), List.of(accounts));
    }

    public static String support(String subject) {
        return "Bearer " + token(subject, List.of("SUPPORT"), List.of());
    }

    public static String ops(String subject) {
        return "Bearer " + token(subject, List.of("OPS"), List.of());
    }

    public static String service(String subject) {
        return "Bearer " + token(subject, List.of("SERVICE"), List.of());
    }

    /** A header for the role name, e.g. {@code forRole("SUPPORT", "acme")}. */
    public static String forRole(String role, String subject, String... accounts) {
        return "Bearer " + token(subject, List.of(role), List.of(accounts));
    }
}
