package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** The lines of info agree with one another. */
class InfoAgreementTest {
    private static final Pattern FURTHER = Pattern.compile("hivescan: warning: (\\d+) further problem\\(s\\) not listed");

    private static String corpus(String path) {
        return TestPaths.corpus().resolve(path).toString();
    }

    @Test
    void theSequenceNumbersShownAreTheOnesTheDirtyReasonNames() {
        // corpus/MANIFEST.tsv: SYSTEM_B has primary 1622, secondary 1621 in its header; its logs bring it to 2130.
        Cli.Result r = Cli.run("info", corpus("mkorman90_regipy/regipy_tests/data/SYSTEM_B"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Sequence numbers:  1622 / 1621 (differ); 2130 after log replay\n")
                .contains("Dirty:             yes: sequence numbers differ (primary 1622, secondary 1621)");
        Cli.Result clean = Cli.run("info", corpus("mkorman90_regipy/regipy_tests/data/SYSTEM"));
        assertThat(clean.out()).containsPattern("Sequence numbers:  (\\d+) / \\1 \\(equal\\)\n")
                .contains("Dirty:             no");
    }

    @Test
    void theProblemCountIsTheNumberOfProblemsReportedOnStderr() {
        for (String hive : new String[] {"mkorman90_regipy/regipy_tests/data/corrupted_system_hive",
            "msuhanov_yarp/hives_for_tests/DeletedDataHiveTruncated"}) {
            Cli.Result r = Cli.run("info", corpus(hive));
            long listed = r.err().lines().filter(l -> l.startsWith("hivescan: warning: ") && !FURTHER.matcher(l)
                    .matches()).count();
            Matcher further = FURTHER.matcher(r.err());
            long unlisted = further.find() ? Long.parseLong(further.group(1)) : 0;
            Matcher shown = Pattern.compile("Problems:\\s+(\\d+)").matcher(r.out());
            assertThat(shown.find()).as(hive).isTrue();
            assertThat(Long.parseLong(shown.group(1))).as(hive).isEqualTo(listed + unlisted).isPositive();
        }
    }
}
