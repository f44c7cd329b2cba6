package com.brandclosure.platform.timers;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

import java.nio.charset.StandardCharsets;

/** Timer data is always a string (usually JSON): stored as UTF-8, never Java-serialized. */
final class Utf8Serializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> clazz, byte[] serializedData) {
        if (serializedData == null) {
            return null;
        }
        if (clazz != String.class && clazz != Void.class && clazz != Object.class) {
            throw new IllegalArgumentException("timer data must be a String, not " + clazz.getName());
        }
        return clazz == Void.class ? null : clazz.cast(new String(serializedData, StandardCharsets.UTF_8));
    }
}
