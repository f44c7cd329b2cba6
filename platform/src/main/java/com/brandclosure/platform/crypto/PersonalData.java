package com.brandclosure.platform.crypto;

import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.kernel.Personal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Encrypts the text under {@link Personal} components with the account's data key (AES-256-GCM, a
 * random 96-bit IV per value, the account id as additional authenticated data) and decrypts it on read.
 * A sealed value is the string {@code enc:v1:<accountId>:<base64url(iv | ciphertext | tag)>}: it names its
 * account, so any stored or published JSON can be opened without knowing its type (the audit trail does
 * that), and a value moved to another account does not decrypt. Once the account's key is gone a sealed
 * value reads as {@link #SHREDDED}, never as a failure. Only text is sealed: numbers, booleans and the
 * shape (which components, how many list elements) stay, so amounts, versions and times load intact.
 * Map keys are never sealed (no declared personal data is a map key).
 * <p>
 * Actors are personal too (people's names); {@code timer:*} actors name a mechanism and stay in clear.
 */
public final class PersonalData {

    public static final String SHREDDED = "<shredded>";
    static final String PREFIX = "enc:v1:";
    /** One generator per thread: the shared default one serialises every encrypting thread on its lock. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private final DataKeys keys;
    private final JsonCodec json;
    private final Map<Class<?>, Boolean> reaches = new ConcurrentHashMap<>();

    public PersonalData(DataKeys keys, JsonCodec json) {
        this.keys = keys;
        this.json = json;
    }

    public DataKeys keys() {
        return keys;
    }

    /** True if values of {@code type} may hold a {@link Personal} component (so they must be sealed). */
    public boolean declaresPersonal(Class<?> type) {
        return reaches(type, new java.util.HashSet<>());
    }

    /**
     * The value as JSON to store or publish: its personal text sealed with the account's key. A value
     * with nothing personal (or no account) is written as it is, without the tree walk.
     */
    public String write(String accountId, Object value) {
        if (accountId == null || value == null || !declaresPersonal(value.getClass())) {
            return json.write(value);
        }
        return json.write(seal(accountId, value));
    }

    /** The value's JSON tree with its personal text sealed (the caller writes the tree). */
    public JsonNode seal(String accountId, Object value) {
        JsonNode tree = json.tree(value);
        if (accountId != null && declaresPersonal(value.getClass())) {
            SecretKeySpec key = keys.forWriting(accountId);
            sealValue(value, tree, text -> sealText(key, accountId, text));
        }
        return tree;
    }

    /** The actor as stored or published: sealed, unless it names a mechanism ({@code timer:…}). */
    public String sealActor(String accountId, String actor) {
        if (accountId == null || actor == null || actor.startsWith("timer:") || actor.startsWith(PREFIX)) {
            return actor;
        }
        // One command's events share their actor: sealed once per transaction (the events of one unit of work
        // are tied together by their correlation id anyway, so the repeated value tells nothing more).
        Map<String, String> sealedActors = transactionActors();
        if (sealedActors == null) {
            return sealText(keys.forWriting(accountId), accountId, actor);
        }
        return sealedActors.computeIfAbsent(accountId + '\u0000' + actor,
                k -> sealText(keys.forWriting(accountId), accountId, actor));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> transactionActors() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, String> actors = (Map<String, String>)
                org.springframework.transaction.support.TransactionSynchronizationManager.getResource(this);
        if (actors == null) {
            Map<String, String> fresh = new HashMap<>();
            org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(this, fresh);
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            org.springframework.transaction.support.TransactionSynchronizationManager
                                    .unbindResourceIfPossible(PersonalData.this);
                        }
                    });
            actors = fresh;
        }
        return actors;
    }

    /** True if the stored JSON text may hold sealed values (a cheap test before parsing a tree). */
    public static boolean mayBeSealed(String text) {
        return text != null && text.contains(PREFIX);
    }

    /** Opens every sealed string in the tree in place (marker if its key is gone) and returns it. */
    public JsonNode open(JsonNode node) {
        return open(node, new HashMap<>());
    }

    /** Stored or published JSON text with its sealed values opened (unchanged if it holds none). */
    public String openJson(String text) {
        return mayBeSealed(text) ? json.write(open(json.parse(text))) : text;
    }

    /** Opens one stored text value (e.g. an actor); clear text comes back unchanged. */
    public String openText(String value) {
        return openText(value, new HashMap<>());
    }

    private JsonNode open(JsonNode node, Map<String, Optional<SecretKeySpec>> memo) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            String text = node.stringValue();
            return text.startsWith(PREFIX) ? StringNode.valueOf(openText(text, memo)) : node;
        }
        if (node instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                JsonNode child = entry.getValue();
                JsonNode opened = open(child, memo);
                if (opened != child) {
                    entry.setValue(opened);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode opened = open(child, memo);
                if (opened != child) {
                    array.set(i, opened);
                }
            }
        }
        return node;
    }

    private String openText(String value, Map<String, Optional<SecretKeySpec>> memo) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        int sep = value.lastIndexOf(':');
        String accountId = value.substring(PREFIX.length(), sep);
        Optional<SecretKeySpec> key = memo.computeIfAbsent(accountId, keys::forReading);
        if (key.isEmpty()) {
            return SHREDDED;
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(value.substring(sep + 1));
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Not made with this account's current key (e.g. a value another service sealed): unreadable here.
            return SHREDDED;
        }
    }

    static String sealText(SecretKeySpec key, String accountId, String clear) {
        try {
            byte[] iv = new byte[12];
            RANDOM.get().nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = clear.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[12 + cipher.getOutputSize(plain.length)];
            System.arraycopy(iv, 0, out, 0, 12);
            cipher.doFinal(plain, 0, plain.length, out, 12);
            return PREFIX + accountId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data of " + accountId, e);
        }
    }

    // --- the walk: the value's runtime components alongside its JSON tree ---

    /** One record component as the walk needs it, computed once per record class (reflection is slow). */
    private record Component(String name, boolean personal, boolean descend, java.lang.reflect.Method accessor) {
    }

    private final Map<Class<?>, Component[]> plans = new ConcurrentHashMap<>();

    private Component[] plan(Class<?> record) {
        return plans.computeIfAbsent(record, type -> {
            RecordComponent[] components = type.getRecordComponents();
            Component[] plan = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                boolean personal = c.isAnnotationPresent(Personal.class);
                // Records that cannot reach a personal component are skipped; anything else (containers,
                // interfaces) is looked into at run time.
                boolean descend = !personal && (c.getType().isRecord()
                        ? reaches(c.getType(), new java.util.HashSet<>())
                        : reaches(c.getType(), new java.util.HashSet<>()) || typeArgumentsReach(c.getGenericType(),
                        new java.util.HashSet<>()) || !(c.getType().isPrimitive() || c.getType().isEnum()
                        || c.getType().getName().startsWith("java.lang.") || c.getType().getName().startsWith("java.time.")));
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                plan[i] = new Component(c.getName(), personal, descend, accessor);
            }
            return plan;
        });
    }

    private void sealValue(Object value, JsonNode node, Function<String, String> sealer) {
        if (value == null || node == null) {
            return;
        }
        Class<?> type = value.getClass();
        if (type.isRecord() && node instanceof ObjectNode object) {
            for (Component c : plan(type)) {
                if (!c.personal() && !c.descend()) {
                    continue;
                }
                JsonNode child = object.get(c.name());
                if (child == null || child.isNull()) {
                    continue;
                }
                if (c.personal()) {
                    object.set(c.name(), sealAll(child, sealer));
                } else {
                    sealValue(read(c, value), child, sealer);
                }
            }
        } else if (value instanceof Collection<?> items && node instanceof ArrayNode array) {
            Iterator<?> it = items.iterator();
            for (int i = 0; i < array.size() && it.hasNext(); i++) {
                sealValue(it.next(), array.get(i), sealer);
            }
        } else if (value instanceof Map<?, ?> map && node instanceof ObjectNode object) {
            for (var entry : map.entrySet()) {
                sealValue(entry.getValue(), object.get(String.valueOf(entry.getKey())), sealer);
            }
        } else if (value instanceof Optional<?> optional && optional.isPresent()) {
            sealValue(optional.get(), node, sealer);
        }
    }

    private static JsonNode sealAll(JsonNode node, Function<String, String> sealer) {
        if (node.isString()) {
            return StringNode.valueOf(sealer.apply(node.stringValue()));
        }
        if (node instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                entry.setValue(sealAll(entry.getValue(), sealer));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, sealAll(array.get(i), sealer));
            }
        }
        return node;
    }

    private static Object read(Component c, Object record) {
        try {
            return c.accessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.name() + " of " + record.getClass().getName(), e);
        }
    }

    /** Whether values of the type can reach a personal component: records, sealed types, containers. */
    private boolean reaches(Class<?> type, Set<Class<?>> visiting) {
        Boolean known = reaches.get(type);
        if (known != null) {
            return known;
        }
        if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.lang.")
                || type.getName().startsWith("java.time.") || type.getName().startsWith("java.math.")
                || !visiting.add(type)) {
            return false;
        }
        boolean result = false;
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.isAnnotationPresent(Personal.class) || reaches(c.getType(), visiting)
                        || typeArgumentsReach(c.getGenericType(), visiting)) {
                    result = true;
                    break;
                }
            }
        } else if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                if (reaches(sub, visiting)) {
                    result = true;
                    break;
                }
            }
        }
        visiting.remove(type);
        reaches.put(type, result);
        return result;
    }

    private boolean typeArgumentsReach(Type generic, Set<Class<?>> visiting) {
        if (generic instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                if (arg instanceof Class<?> c && reaches(c, visiting)) {
                    return true;
                }
                if (typeArgumentsReach(arg, visiting)) {
                    return true;
                }
            }
        }
        return false;
    }
}
