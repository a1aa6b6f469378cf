package dev.cloudmetrics.serve;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * One way a scrape asks for the metrics: the Prometheus client's writer of the format negotiated
 * (text 0.0.4 or OpenMetrics), the escaping of names, and gzip or not. It renders parts of a body
 * with that writer, so that a body can be put together from a part rendered once per poll and parts
 * rendered per scrape: each part but the last without the format's end (OpenMetrics' {@code # EOF}),
 * each gzipped part a gzip member of its own (RFC 1952: a gzip file is a series of members, which
 * gzip readers, Prometheus' among them, read as one).
 */
record Exposition(ExpositionFormatWriter writer, EscapingScheme escaping, boolean gzip) {
  /** The bytes the writer puts at the end of any body: OpenMetrics' {@code # EOF} line, nothing for text 0.0.4. */
  byte[] trailer() {
    return write(MetricSnapshots.of());
  }

  /** {@code snapshots} as the writer renders them, without the trailer (a part others follow), gzipped if asked. */
  byte[] middle(MetricSnapshots snapshots) {
    byte[] written = write(snapshots);
    byte[] trailer = trailer();
    int end = written.length - trailer.length;
    if (end < 0 || !Arrays.equals(written, end, written.length, trailer, 0, trailer.length)) {
      throw new IllegalStateException(writer.getContentType() + " does not end a body with its trailer");
    }
    byte[] middle = Arrays.copyOf(written, end);
    return middle.length == 0 ? middle : compressed(middle);
  }

  /**
   * {@code snapshots} as the writer renders them, trailer included (the last part of a body), gzipped
   * if asked (then a gzip member even when empty, so that a gzipped body is never empty).
   */
  byte[] last(MetricSnapshots snapshots) {
    return compressed(write(snapshots));
  }

  private byte[] write(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, snapshots, escaping);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by a ByteArrayOutputStream
    }
    return out.toByteArray();
  }

  private byte[] compressed(byte[] bytes) {
    if (!gzip) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
    try (GZIPOutputStream zipped = new GZIPOutputStream(out, 8192)) {
      zipped.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
