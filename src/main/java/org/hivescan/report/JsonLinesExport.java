package org.hivescan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;

/**
 * JSON Lines: one object per key, with its values, written as the walk goes so memory stays flat however large
 * the hive is. Every value carries its exact bytes as hex, so the export is lossless.
 */
public final class JsonLinesExport {
    private JsonLinesExport() {
    }

    public static void write(Hive hive, Key start, String mountPoint, OutputStream out)
            throws HiveFormatException, IOException {
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            generator.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            // One object per line: the separator between root values is the newline (no pretty printer: the
            // generator's plain path is faster).
            generator.setRootValueSeparator(new SerializedString("\n"));
            hive.walkFrom(start, new HiveVisitor() {
                @Override
                public boolean key(Key key) throws HiveFormatException, IOException {
                    Json.writeKey(generator, key, RegExport.fullPath(mountPoint, key), true);
                    return true;
                }

                @Override
                public boolean wantsValues() {
                    return false;
                }
            });
            generator.writeRaw('\n');
        }
    }
}
