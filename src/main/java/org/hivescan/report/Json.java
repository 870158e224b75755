package org.hivescan.report;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Filetime;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * JSON renderings of keys and values, shared by {@code ls --json}, {@code cat --json} and the JSON Lines export.
 * Non-ASCII is written as {@code \\uXXXX} escapes: that keeps unpaired surrogates (legal in registry names,
 * impossible in UTF-8) lossless and keeps every control character out of the output.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private Json() {
    }

    /** A key with its metadata; {@code withValues} adds the full value list. */
    public static ObjectNode key(Key key, String displayPath, boolean withValues) throws HiveFormatException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("path", displayPath);
        node.put("name", key.name());
        node.put("last_written", Filetime.format(key.lastWrittenFiletime()));
        node.put("last_written_filetime", Long.toUnsignedString(key.lastWrittenFiletime()));
        Optional<String> className = key.className();
        node.put("class", className.orElse(null));
        node.put("flags", key.node().flags());
        if (key.isSymbolicLink()) {
            node.put("symbolic_link", true);
        }
        node.put("security", key.securityDescriptor().orElse(null));
        node.put("subkey_count", key.subkeyCount());
        node.put("value_count", key.valueCount());
        node.put("offset", key.offset());
        if (withValues) {
            ArrayNode values = node.putArray("values");
            for (Value v : key.values()) {
                values.add(value(v));
            }
        }
        return node;
    }

    /** A value: name, raw type, size, the exact bytes as hex, and a typed view when the data fits its type. */
    public static ObjectNode value(Value v) throws HiveFormatException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", v.name());
        node.put("type", Integer.toUnsignedLong(v.type()));
        node.put("type_name", v.typeName());
        node.put("size", v.dataSize());
        byte[] data;
        try {
            data = v.data();
        } catch (HiveFormatException e) {
            node.put("error", e.getMessage());
            return node;
        }
        node.put("data_hex", HexFormat.of().formatHex(data));
        typedView(v, node);
        return node;
    }

    private static void typedView(Value v, ObjectNode node) throws HiveFormatException {
        Optional<String> s = v.asString();
        if (s.isPresent()) {
            node.put("string", s.get());
            return;
        }
        Optional<List<String>> multi = v.asMultiString();
        if (multi.isPresent()) {
            ArrayNode items = node.putArray("strings");
            multi.get().forEach(items::add);
            return;
        }
        Optional<Long> dword = v.asDword();
        if (dword.isPresent()) {
            node.put("number", dword.get());
            return;
        }
        v.asQword().ifPresent(q -> node.put("number", Long.toUnsignedString(q)));
    }

    public static ArrayNode strings(List<String> items) {
        ArrayNode array = MAPPER.createArrayNode();
        items.forEach(array::add);
        return array;
    }
}
