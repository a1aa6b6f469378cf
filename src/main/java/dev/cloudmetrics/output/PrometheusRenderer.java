package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition format (version 0.0.4), for node_exporter's textfile collector or
 * any scraper: one gauge named after the command's measure, a sample per series with the labels of
 * the schema, valued at its latest bucket; with {@code --timestamps} each sample also carries the
 * start of that bucket in milliseconds.
 */
final class PrometheusRenderer implements RowSink {
  private final Writer out;
  private final RenderOptions options;
  private final Map<List<String>, Row> latest = new LinkedHashMap<>();
  private RowSchema schema;

  PrometheusRenderer(Writer out, RenderOptions options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void begin(RowSchema schema) {
    this.schema = schema;
  }

  @Override
  public void accept(Row row) {
    RowCells.requireFits(schema, row);
    latest.merge(row.labels(), row, (kept, next) -> next.time().isBefore(kept.time()) ? kept : next);
  }

  @Override
  public void end() throws IOException {
    String metric = PrometheusText.metricName(schema);
    out.write("# HELP " + metric + " " + PrometheusText.escapeHelp(PrometheusText.help(schema)) + "\n");
    out.write("# TYPE " + metric + " gauge\n");
    StringBuilder line = new StringBuilder();
    for (Row row : latest.values()) {
      line.setLength(0);
      line.append(metric);
      appendLabels(line, row.labels());
      line.append(' ').append(ValueText.of(row.value()));
      if (options.sampleTimestamps()) {
        line.append(' ').append(row.time().toEpochMilli());
      }
      out.write(line.append('\n').toString());
    }
    out.flush();
  }

  private void appendLabels(StringBuilder line, List<String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    line.append('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(PrometheusText.labelName(schema.labelColumns().get(i)))
          .append("=\"").append(PrometheusText.escapeLabelValue(labels.get(i))).append('"');
    }
    line.append('}');
  }
}
