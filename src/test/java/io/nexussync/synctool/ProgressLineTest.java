package io.nexussync.synctool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void should_draw_bar_percentage_rate_and_eta() {
        // 500 of 2000 scanned in 2 s: 250 docs/s, 1500 left: 6 s
        ProgressSnapshot s = new ProgressSnapshot(500, 0, 2000, 120, 100, 2000, true);

        assertThat(ProgressLine.bar("legal", s)).isEqualTo(
                "legal [########----------------------]  25.0% 500/2000  250 docs/s  ETA 0:06  settled 100/120");
    }

    @Test
    void should_print_a_plain_line_without_a_terminal() {
        ProgressSnapshot s = new ProgressSnapshot(2000, 0, 2000, 2000, 1500, 4000, false);

        assertThat(ProgressLine.line("legal", s)).isEqualTo("sync legal: 100.0% 2000/2000 scanned, 1500/2000"
                + " settled, 500 docs/s, ETA 0:00");
    }

    @Test
    void should_rate_only_what_this_run_scanned_when_resumed() {
        // 1000 scanned by the interrupted run, 500 more in 1 s by this one
        ProgressSnapshot s = new ProgressSnapshot(1500, 1000, 2000, 0, 0, 1000, true);

        assertThat(s.rate()).isEqualTo(500.0);
        assertThat(s.etaSeconds()).isEqualTo(1);
    }

    @Test
    void should_not_invent_a_percentage_or_eta_without_a_total_or_a_rate() {
        ProgressSnapshot s = new ProgressSnapshot(0, 0, 0, 0, 0, 0, true);

        assertThat(s.percent()).isEqualTo(-1);
        assertThat(s.etaSeconds()).isEqualTo(-1);
        assertThat(ProgressLine.line("c", s)).isEqualTo("sync c:   ?% 0 scanned, 0/0 settled, 0 docs/s, ETA --:--");
    }

    @Test
    void should_format_long_etas_with_hours() {
        assertThat(ProgressLine.eta(3 * 3600 + 5 * 60 + 7)).isEqualTo("3:05:07");
        assertThat(ProgressLine.eta(59)).isEqualTo("0:59");
    }

    @Test
    void should_print_a_line_per_interval_without_a_terminal_and_redraw_in_place_on_one() {
        AtomicLong now = new AtomicLong();
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ProgressReporter lines = new ProgressReporter("c", new PrintStream(plain, true, StandardCharsets.UTF_8),
                false, 10_000, clock);
        ProgressSnapshot s = new ProgressSnapshot(1, 0, 10, 0, 0, 1000, true);
        lines.update(s);
        now.set(5_000);
        lines.update(s);
        now.set(10_000);
        lines.update(s);
        assertThat(plain.toString(StandardCharsets.UTF_8).lines()).hasSize(2);

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ProgressReporter bar = new ProgressReporter("c", new PrintStream(tty, true, StandardCharsets.UTF_8), true,
                10_000, clock);
        bar.update(s);
        now.set(10_300);
        bar.finish(s);
        String drawn = tty.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\rc [").doesNotContain("\n" + "\r").endsWith(System.lineSeparator());
        assertThat(drawn.chars().filter(ch -> ch == '\r').count()).isEqualTo(2);
    }
}
