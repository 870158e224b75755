package org.hivescan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Terminal and HTML escaping of hive-derived text, character class by character class. */
class EscapingTest {

    @Test
    void controlsBidiOverridesAndUnpairedSurrogatesBecomeVisibleEscapes() {
        assertThat(Escaping.terminal("a\u001bb")).isEqualTo("a\\x1bb");
        assertThat(Escaping.terminal("x\ny\tz\r")).isEqualTo("x\\ny\\tz\\r");
        assertThat(Escaping.terminal("\u0000\u007f\u0085\u009f")).isEqualTo("\\x00\\x7f\\x85\\x9f");
        assertThat(Escaping.terminal("\u202eevil\u2066\u200f\ufeff")).isEqualTo("\\u202eevil\\u2066\\u200f\\ufeff");
        assertThat(Escaping.terminal("\ud800x")).isEqualTo("\\ud800x");
        assertThat(Escaping.terminal("x\udc00")).isEqualTo("x\\udc00");
    }

    @Test
    void printableTextIsReturnedAsItIs() {
        String path = "HKLM\\SYSTEM\\CurrentControlSet";
        assertThat(Escaping.terminal(path)).isSameAs(path);
        String text = "café \ud83d\ude00 \u2192 \u00a7";
        assertThat(Escaping.terminal(text)).isSameAs(text);
        assertThat(Escaping.html(path)).isSameAs(path);
    }

    @Test
    void htmlEscapesMarkupAfterTheTerminalEscapes() {
        assertThat(Escaping.html("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Escaping.html("a|b`c'd\"e&f")).isEqualTo("a&#124;b&#96;c&#39;d&quot;e&amp;f");
        assertThat(Escaping.html("<\u001b>")).isEqualTo("&lt;\\x1b&gt;");
        assertThat(Escaping.html("caf\u00e9")).isEqualTo("caf\u00e9");
    }
}
