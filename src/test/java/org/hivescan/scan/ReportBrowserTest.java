package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless chromium, loaded from disk: no script errors, no network request, the right host
 * count, sorting and filtering that work, hostile names shown as text; a screenshot goes to target/.
 */
class ReportBrowserTest {
    private static final String ROWS = "Array.from(document.querySelectorAll('#host-table tbody.host'))";

    @TempDir
    Path tmp;

    @Test
    void theReportWorksInChromiumAndStaysOffline() throws Exception {
        Path fleet = Fleets.make(tmp.resolve("fleet"), 30, false);
        Path out = tmp.resolve("out");
        Fleets.cli("scan", fleet.toString(), "--out", out.toString());
        List<JsonNode> lines = Fleets.lines(out.resolve("hosts.jsonl"));
        String url = out.resolve("report.html").toUri().toString();
        try (Chromium browser = Chromium.start(tmp.resolve("profile"))) {
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Page.navigate", Map.of("url", url));
            browser.await("Page.loadEventFired", Duration.ofSeconds(30));

            assertThat(browser.eval(ROWS + ".length").asInt()).isEqualTo(lines.size());
            assertThat(browser.eval("document.getElementById('total-hosts').textContent").asText())
                    .isEqualTo(String.valueOf(lines.size()));
            assertThat(browser.eval("document.querySelectorAll('#chart svg rect.bar').length").asInt())
                    .isGreaterThan(3);
            sorts(browser);
            filters(browser, lines);
            hostileNamesAreText(browser);
            opensAHost(browser);
            screenshot(browser);

            assertThat(browser.events("Runtime.exceptionThrown")).isEmpty();
            assertThat(browser.events("Page.javascriptDialogOpening")).isEmpty();
            assertThat(browser.events("Log.entryAdded")).noneMatch(e -> e.path("params").path("entry")
                    .path("level").asText().equals("error"));
            assertThat(browser.events("Runtime.consoleAPICalled")).noneMatch(e -> e.path("params").path("type")
                    .asText().equals("error"));
            List<String> requested = new ArrayList<>();
            browser.events("Network.requestWillBeSent").forEach(e -> requested.add(e.path("params")
                    .path("request").path("url").asText()));
            assertThat(requested).containsOnly(url);
        }
    }

    /** Build ascending then descending, checked by Java's own reading of the numbers. */
    private static void sorts(Chromium browser) throws Exception {
        browser.eval("document.querySelector('button.sort[data-col=\"3\"]').click()");
        List<Integer> up = builds(browser);
        assertThat(up).isSorted();
        assertThat(up.get(0)).isLessThan(up.get(up.size() - 1));
        browser.eval("document.querySelector('button.sort[data-col=\"3\"]').click()");
        List<Integer> down = builds(browser);
        assertThat(down.get(0)).isEqualTo(up.get(up.size() - 1));
        assertThat(down.get(down.size() - 1)).isEqualTo(up.get(0));
    }

    private static List<Integer> builds(Chromium browser) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (JsonNode b : browser.eval(ROWS + ".map(b => b.rows[0].cells[3].textContent)")) {
            String t = b.asText();
            out.add(t.isEmpty() ? -1 : Integer.parseInt(t.split("\\.")[0]));
        }
        return out;
    }

    private static void filters(Chromium browser, List<JsonNode> lines) throws Exception {
        JsonNode some = lines.stream().filter(l -> l.path("sources").path("folder").asText().contains("/loose/"))
                .findFirst().orElseThrow();
        String q = some.path("name").asText().toLowerCase(Locale.ROOT);
        long expected = lines.stream().filter(l -> l.path("name").asText().toLowerCase(Locale.ROOT).contains(q)
                || l.path("sources").path("folder").asText().toLowerCase(Locale.ROOT).contains(q)).count();
        browser.eval("(() => { const f = document.getElementById('filter'); f.value = '" + q + "';"
                + " f.dispatchEvent(new Event('input')); })()");
        assertThat(visible(browser)).isEqualTo(expected);
        browser.eval("(() => { const f = document.getElementById('filter'); f.value = '';"
                + " f.dispatchEvent(new Event('input'));"
                + " const s = document.getElementById('status-filter'); s.value = 'ERROR';"
                + " s.dispatchEvent(new Event('change')); })()");
        long errors = lines.stream().filter(l -> l.path("status").asText().equals("ERROR")).count();
        assertThat(errors).isPositive();
        assertThat(visible(browser)).isEqualTo(errors);
        assertThat(browser.eval("document.querySelectorAll('#error-list li').length").asLong()).isEqualTo(errors);
        browser.eval("(() => { const s = document.getElementById('status-filter'); s.value = '';"
                + " s.dispatchEvent(new Event('change')); })()");
        assertThat(visible(browser)).isEqualTo(lines.size());
    }

    private static long visible(Chromium browser) throws Exception {
        return browser.eval(ROWS + ".filter(b => !b.hidden && b.getClientRects().length > 0).length").asLong();
    }

    private static void hostileNamesAreText(Chromium browser) throws Exception {
        assertThat(browser.eval("document.querySelectorAll('script').length").asInt()).isEqualTo(1);
        assertThat(browser.eval("document.querySelectorAll('img').length").asInt()).isZero();
        String text = browser.eval("document.body.textContent").asText();
        assertThat(text).contains("=HYPERLINK(\"x\")<script>alert(1)</script>")
                .contains("<img src=x onerror=alert(9)>=cmd|x");
    }

    private static void opensAHost(Chromium browser) throws Exception {
        String find = ROWS + ".find(b => b.rows[0].cells[0].textContent.startsWith('=HYPERLINK'))";
        assertThat(browser.eval(find + ".rows[1].hidden").asBoolean()).isTrue();
        browser.eval(find + ".querySelector('button.toggle').click()");
        assertThat(browser.eval(find + ".rows[1].hidden").asBoolean()).isFalse();
        assertThat(browser.eval(find + ".rows[1].querySelectorAll('table.rules tbody tr').length").asInt())
                .isGreaterThan(10);
        assertThat(browser.eval(find + ".rows[1].textContent").asText()).contains("S1").contains("HKLM\\SYSTEM\\")
                .contains("Windows Registry Editor Version 5.00");
    }

    private static void screenshot(Chromium browser) throws Exception {
        JsonNode shot = browser.send("Page.captureScreenshot", Map.of("format", "png"));
        Path target = Path.of("target", "scan-report.png");
        Files.createDirectories(target.getParent());
        Files.write(target, Base64.getDecoder().decode(shot.path("data").asText()));
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
