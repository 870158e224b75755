package org.hivescan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import org.hivescan.hive.RegistryType;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Filetime;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * JSON renderings of keys and values, shared by {@code ls --json}, {@code cat --json} and the JSON Lines export.
 * They are written once, as a stream of tokens (fast enough for a whole hive), and turned into trees where a
 * command needs one. Non-ASCII is written as {@code \\uXXXX} escapes: that keeps unpaired surrogates (legal in
 * registry names, impossible in UTF-8) lossless and keeps every control character out of the output.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private Json() {
    }

    /** A key with its metadata; {@code withValues} adds the full value list. */
    public static ObjectNode key(Key key, String displayPath, boolean withValues) throws HiveFormatException {
        TokenBuffer buffer = new TokenBuffer(MAPPER, false);
        try {
            writeKey(buffer, key, displayPath, withValues);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory JSON buffer failed", e);
        }
    }

    /** A value as a tree; see {@link #writeValue}. */
    public static ObjectNode value(Value v) throws HiveFormatException {
        TokenBuffer buffer = new TokenBuffer(MAPPER, false);
        try {
            writeValue(buffer, v);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory JSON buffer failed", e);
        }
    }

    /** Writes a key object: path, name, times, class, flags, security, counts, offset, and optionally values. */
    public static void writeKey(JsonGenerator g, Key key, String displayPath, boolean withValues)
            throws HiveFormatException, IOException {
        g.writeStartObject();
        g.writeStringField("path", displayPath);
        g.writeStringField("name", key.name());
        g.writeStringField("last_written", Filetime.format(key.lastWrittenFiletime()));
        g.writeStringField("last_written_filetime", Long.toUnsignedString(key.lastWrittenFiletime()));
        g.writeStringField("class", key.className().orElse(null));
        g.writeNumberField("flags", key.flags());
        if (key.isSymbolicLink()) {
            g.writeBooleanField("symbolic_link", true);
        }
        g.writeStringField("security", key.securityDescriptor().orElse(null));
        g.writeNumberField("subkey_count", key.subkeyCount());
        g.writeNumberField("value_count", key.valueCount());
        g.writeNumberField("offset", key.offset());
        if (withValues) {
            g.writeArrayFieldStart("values");
            for (Value v : key.values()) {
                writeValue(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Writes a value: name, raw type, size, the exact bytes as hex, and a typed view when the data fits its type. */
    public static void writeValue(JsonGenerator g, Value v) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", v.name());
        g.writeNumberField("type", Integer.toUnsignedLong(v.type()));
        g.writeStringField("type_name", v.typeName());
        g.writeNumberField("size", v.dataSize());
        byte[] data;
        try {
            data = v.data();
        } catch (HiveFormatException e) {
            g.writeStringField("error", e.getMessage());
            g.writeEndObject();
            return;
        }
        g.writeFieldName("data_hex");
        char[] hex = quotedHex(data);
        if (g instanceof TokenBuffer) {
            // A tree is being built: raw text would stay raw in it, so hand over a proper string.
            g.writeString(hex, 1, hex.length - 2);
        } else {
            g.writeRawValue(hex, 0, hex.length);
        }
        writeTypedView(g, v, data);
        g.writeEndObject();
    }

    private static void writeTypedView(JsonGenerator g, Value v, byte[] data) throws IOException {
        switch (v.knownType() == null ? RegistryType.REG_NONE : v.knownType()) {
            case REG_SZ, REG_EXPAND_SZ, REG_LINK -> g.writeStringField("string", Value.stringUpToNul(data));
            case REG_MULTI_SZ -> {
                g.writeArrayFieldStart("strings");
                for (String s : Value.splitMulti(data)) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            case REG_DWORD, REG_DWORD_BIG_ENDIAN -> {
                Optional<Long> n = Value.dword(v.type(), data);
                if (n.isPresent()) {
                    g.writeNumberField("number", n.get());
                }
            }
            case REG_QWORD -> {
                Optional<Long> n = Value.qword(data);
                if (n.isPresent()) {
                    g.writeStringField("number", Long.toUnsignedString(n.get()));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The bytes as a quoted lowercase hex string. Hex needs no JSON escaping, so it is written raw: the data is
     * the bulk of a JSON Lines export, and this keeps it off the generator's character-by-character escaping path.
     */
    private static char[] quotedHex(byte[] data) {
        char[] out = new char[2 * data.length + 2];
        out[0] = '"';
        for (int i = 0; i < data.length; i++) {
            out[1 + 2 * i] = HEX_DIGITS[(data[i] >> 4) & 0xF];
            out[2 + 2 * i] = HEX_DIGITS[data[i] & 0xF];
        }
        out[out.length - 1] = '"';
        return out;
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    public static ArrayNode strings(List<String> items) {
        ArrayNode array = MAPPER.createArrayNode();
        items.forEach(array::add);
        return array;
    }
}
