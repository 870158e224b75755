package org.hivescan.audit.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML (or JSON) document as plain maps, lists and scalar strings, read with jackson-dataformat-yaml's streaming
 * parser. Scalars keep their source text ("0x800" stays "0x800"); {@link RecordBinder} converts them to the types
 * the records declare. Going without jackson-databind keeps the start-up of a one-shot audit short.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /** The document's root mapping; {@code what} names the source in errors. */
    static Map<String, Object> read(byte[] yaml, String what) {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new RuleFileException(what + ": expected a mapping at the top level");
            }
            return object(p);
        } catch (IOException e) {
            throw new RuleFileException(what + ": " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_NULL -> null;
            default -> p.getText();
        };
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (map.containsKey(name)) {
                throw new RuleFileException("duplicate key '" + name + "' at " + p.currentLocation());
            }
            map.put(name, value(p, p.nextToken()));
        }
        return map;
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            list.add(value(p, t));
        }
        return list;
    }

    /** Merges {@code extra} into {@code base}: nested maps merge, anything else replaces. */
    @SuppressWarnings("unchecked")
    static void deepMerge(Map<String, Object> base, Map<String, Object> extra) {
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            Object old = base.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                deepMerge((Map<String, Object>) old, (Map<String, Object>) e.getValue());
            } else {
                base.put(e.getKey(), e.getValue());
            }
        }
    }
}
