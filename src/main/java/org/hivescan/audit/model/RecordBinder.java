package org.hivescan.audit.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a {@link YamlTree} to the rule-file records: snake_case keys to record components, text to numbers,
 * booleans and enums, lists and string-keyed maps recursively. An unknown key is an error naming its path, so a
 * typo in a site rule is reported rather than ignored.
 */
final class RecordBinder {
    private RecordBinder() {
    }

    static <T> T bind(Object tree, Class<T> type) {
        return type.cast(convert(tree, type, type.getSimpleName()));
    }

    private static Object convert(Object node, Type type, String path) {
        if (node == null) {
            return type == int.class || type == long.class ? fail(path, "a number is required") : null;
        }
        if (type instanceof ParameterizedType pt) {
            return generic(node, pt, path);
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return record(node, c, path);
        }
        if (!(node instanceof String text)) {
            return fail(path, "expected a single value, found a " + (node instanceof Map ? "mapping" : "list"));
        }
        return scalar(text, c, path);
    }

    private static Object scalar(String text, Class<?> c, String path) {
        try {
            if (c == String.class) {
                return text;
            }
            if (c == int.class || c == Integer.class) {
                return Math.toIntExact(Numbers.parse(text));
            }
            if (c == long.class || c == Long.class) {
                return Numbers.parse(text);
            }
            if (c == Boolean.class || c == boolean.class) {
                return parseBoolean(text, path);
            }
            if (c.isEnum()) {
                return enumValue(c, text, path);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            return fail(path, e.getMessage());
        }
        return fail(path, "cannot bind " + c.getSimpleName());
    }

    private static Boolean parseBoolean(String text, String path) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> (Boolean) fail(path, "expected true or false, found \"" + text + "\"");
        };
    }

    private static Object enumValue(Class<?> c, String text, String path) {
        for (Object constant : c.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        return fail(path, "\"" + text + "\" is not one of " + List.of(c.getEnumConstants()));
    }

    private static Object generic(Object node, ParameterizedType pt, String path) {
        Type[] args = pt.getActualTypeArguments();
        if (pt.getRawType() == List.class) {
            if (!(node instanceof List<?> list)) {
                return fail(path, "expected a list");
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(convert(list.get(i), args[0], path + "[" + i + "]"));
            }
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return fail(path, "expected a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), convert(v, args[1], path + "." + k)));
        return out;
    }

    private static Object record(Object node, Class<?> c, String path) {
        if (!(node instanceof Map<?, ?> map)) {
            return fail(path, "expected a mapping for " + c.getSimpleName());
        }
        RecordComponent[] parts = c.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        List<String> known = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String key = snake(parts[i].getName());
            known.add(key);
            types[i] = parts[i].getType();
            values[i] = convert(map.get(key), parts[i].getGenericType(), path + "." + key);
        }
        for (Object k : map.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                fail(path, "unknown field '" + k + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return construct(c, types, values, path);
    }

    private static Object construct(Class<?> c, Class<?>[] types, Object[] values, String path) {
        try {
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            return fail(path, String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            return fail(path, "cannot build " + c.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** camelCase record component to snake_case key: m365Tls12 -> m365_tls12, windows11From -> windows11_from. */
    static String snake(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Object fail(String path, String message) {
        throw new RuleFileException("rule file: " + path + ": " + message);
    }
}
