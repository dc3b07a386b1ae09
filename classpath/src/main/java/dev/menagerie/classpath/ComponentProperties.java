package dev.menagerie.classpath;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component property type (the annotation an activation constructor takes) answered from a component
 * description's properties, as Declarative Services does when no configuration overrides them: a method's value is
 * the property its name maps to ({@code cnxTimeout}, {@code some_key} for {@code some.key}), else its default.
 */
final class ComponentProperties {

    private ComponentProperties() {
    }

    static Object of(Class<?> type, Map<String, String> properties) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            return switch (method.getName()) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + properties;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                default -> value(method, properties);
            };
        });
    }

    private static Object value(Method method, Map<String, String> properties) {
        String key = method.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
        String text = properties.get(key);
        if (text == null) {
            Object fallback = method.getDefaultValue();
            if (fallback == null) {
                throw new IllegalStateException(method.getDeclaringClass().getName() + "." + method.getName()
                        + " has neither a property " + key + " nor a default");
            }
            return fallback;
        }
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return text;
        } else if (type == int.class) {
            return Integer.valueOf(text.trim());
        } else if (type == long.class) {
            return Long.valueOf(text.trim());
        } else if (type == boolean.class) {
            return Boolean.valueOf(text.trim());
        } else if (type == double.class) {
            return Double.valueOf(text.trim());
        }
        throw new IllegalStateException(method.getDeclaringClass().getName() + "." + method.getName() + " returns a "
                + type.getSimpleName() + ", which only the framework converts");
    }
}
