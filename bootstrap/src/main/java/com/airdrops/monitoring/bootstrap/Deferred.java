package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.domain.port.driven.DatabaseStartingException;
import com.google.inject.Provider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;

/**
 * A port of the database half handed to the HTTP server before that half exists: until it has joined, every call
 * fails with {@link DatabaseStartingException} (a 503 "starting: database"); from then on, each call goes to the
 * instance Guice built.
 */
final class Deferred {
    private Deferred() {}

    static <T> T port(Class<T> type, Provider<T> instance, BooleanSupplier joined) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Deferred[" + type.getSimpleName() + "]";
                };
            }
            if (!joined.getAsBoolean()) {
                throw new DatabaseStartingException();
            }
            try {
                return method.invoke(instance.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
