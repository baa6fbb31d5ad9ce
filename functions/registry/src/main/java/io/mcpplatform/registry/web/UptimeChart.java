package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.HealthSample;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A server's uptime as an inline SVG bar chart drawn from its stored health history: one bar per
 * time bucket, coloured by the share of checks that found it up. The figures are also in words: the
 * chart's title and caption give the window's uptime, and each bar's {@code <title>} its own
 * (screen readers, pointer hover).
 */
final class UptimeChart {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final int BAR = 10;
  private static final int GAP = 2;
  private static final int HEIGHT = 32;

  private UptimeChart() {}

  /**
   * @param id a unique id for the chart's title element
   * @param label what the window is called ("Last 24 hours")
   * @param history samples, oldest first, covering at least the window
   * @param now the end of the window
   * @param window the window's length
   * @param buckets how many bars
   * @return a {@code <figure>} with the SVG and a caption
   */
  static String render(
      String id,
      String label,
      List<HealthSample> history,
      Instant now,
      Duration window,
      int buckets) {
    Instant start = now.minus(window);
    long bucketMillis = window.toMillis() / buckets;
    int[] up = new int[buckets];
    int[] all = new int[buckets];
    for (HealthSample s : history) {
      if (s.checkedAt().isBefore(start) || s.checkedAt().isAfter(now)) {
        continue;
      }
      int i =
          (int)
              Math.min(
                  buckets - 1, Duration.between(start, s.checkedAt()).toMillis() / bucketMillis);
      all[i]++;
      if (s.up()) {
        up[i]++;
      }
    }
    int totalUp = 0;
    int total = 0;
    for (int i = 0; i < buckets; i++) {
      totalUp += up[i];
      total += all[i];
    }
    String summary =
        total == 0
            ? label + ": no checks recorded"
            : String.format(
                Locale.ROOT,
                "%s: %.1f%% up (%d of %d checks)",
                label,
                100.0 * totalUp / total,
                totalUp,
                total);
    int width = buckets * (BAR + GAP) - GAP;
    StringBuilder b = new StringBuilder(256 + buckets * 160);
    b.append("<figure class=\"uptime\"><svg class=\"chart\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(HEIGHT)
        .append("\" preserveAspectRatio=\"none\" width=\"100%\" height=\"")
        .append(HEIGHT)
        .append("\">")
        .append("<title id=\"")
        .append(id)
        .append("\">")
        .append(summary)
        .append("</title>");
    for (int i = 0; i < buckets; i++) {
      Instant from = start.plusMillis(bucketMillis * i);
      String state =
          all[i] == 0 ? "none" : up[i] == all[i] ? "up" : up[i] == 0 ? "down" : "partial";
      b.append("<rect class=\"bar-")
          .append(state)
          .append("\" x=\"")
          .append(i * (BAR + GAP))
          .append("\" y=\"0\" width=\"")
          .append(BAR)
          .append("\" height=\"")
          .append(HEIGHT)
          .append("\"><title>")
          .append(HOUR.format(from))
          .append(" UTC, ");
      if (all[i] == 0) {
        b.append("no checks");
      } else {
        b.append(up[i]).append(" of ").append(all[i]).append(" checks up");
      }
      b.append("</title></rect>");
    }
    b.append("</svg><figcaption>").append(summary).append("</figcaption></figure>");
    return b.toString();
  }
}
