package org.hivescan.scan;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one host, ready for every output. Never null fields except where said.
 *
 * @param hostId the plan's id
 * @param name the host name shown
 * @param status READY, NOT READY, UNKNOWN, ERROR or DUPLICATE
 * @param jsonLine the {@code hosts.jsonl} line, without the newline
 * @param csvRow the {@code summary.csv} cells, in {@link SummaryCsvWriter#header()} order
 * @param rules the per-rule rows (empty for ERROR and DUPLICATE)
 * @param fixFiles fix file name to its text (empty when nothing registry can fix)
 * @param bytesRead bytes read from the inputs, -1 when unknown
 */
public record HostResult(String hostId, String name, String status, String jsonLine, List<String> csvRow,
        List<RuleRow> rules, Map<String, String> fixFiles, long bytesRead) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "ERROR";
    public static final String DUPLICATE = "DUPLICATE";

    public HostResult {
        csvRow = List.copyOf(csvRow);
        rules = List.copyOf(rules);
        fixFiles = new LinkedHashMap<>(fixFiles);
    }
}
