package org.hivescan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out);
        generator.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        generator.setRootValueSeparator(null);
        hive.walkFrom(start, new HiveVisitor() {
            @Override
            public boolean key(Key key) throws HiveFormatException, IOException {
                ObjectNode node = Json.key(key, RegExport.fullPath(mountPoint, key), true);
                Json.MAPPER.writeTree(generator, node);
                generator.flush();
                out.write('\n');
                return true;
            }

            @Override
            public boolean wantsValues() {
                return false;
            }
        });
        generator.flush();
    }
}
