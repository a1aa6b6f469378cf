package dev.cloudmetrics.sync;

import dev.cloudmetrics.failure.CloudMetricsException;
import dev.cloudmetrics.failure.CredentialsException;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * SQLite or PostgreSQL as DEST, with the same SQL for both: the command's table (created if
 * missing, its columns checked if present), a {@code cloudmetrics_sync} table of the settings the
 * rows were written with (a run with others is refused), and the rows in transactions of about
 * {@value #COMMIT_ROWS} rows (or of a second, when slower), ending at bucket boundaries, so that a
 * killed run loses at most the buckets of its open transaction. SQLite gets upserts, a few
 * thousand rows at a time ordered by series and time (each insert then lands beside the previous
 * one in the primary key's B-tree); PostgreSQL gets the rows newer than anything their series held
 * when the run began streamed into the table by {@code COPY} as they come, and only the others (the
 * buckets that were provisional) moved in by an upsert through a staging table ({@link PostgresBulk}).
 */
final class SqlDestination implements Destination {
  /** Rows per transaction: big enough to be fast, small enough that a failure loses little. */
  static final int COMMIT_ROWS = 100_000;
  /** A transaction is also committed once open this long: a slow (rate-limited) run keeps its progress too. */
  private static final long COMMIT_NANOS = 1_000_000_000L;
  /**
   * SQLite: rows inserted at a time within the transaction, series by series: enough that a
   * series' rows land together, few enough that the writing goes on evenly beside the fetching.
   */
  private static final int INSERT_ROWS = 5_000;
  private static final long LOCK_POLL_MILLIS = 200;
  private static final String SETTINGS_TABLE = "cloudmetrics_sync";

  /** Opens a connection to the database. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final SqlDialect dialect;
  private final String dest;
  private final Connector connector;
  private final Duration lockWait;
  private final Optional<FileLockHolder.Target> fileLock;
  private FileLockHolder fileLockHeld;
  private Connection connection;
  private SyncTable table;
  private PreparedStatement upsert;
  private PostgresBulk bulk;
  private int uncommitted;
  /** When the open transaction got its first row ({@link System#nanoTime()}). */
  private long openedAt;
  /** Each series' place in {@link SyncTable#series()}, then those of rows of series the run did not ask for. */
  private final Map<List<String>, Integer> seriesIndex = new HashMap<>();
  private final List<List<String>> seriesByIndex = new ArrayList<>();
  /** SQLite: rows not inserted yet, as numbers rather than objects that would outlive the young generation. */
  private final PendingRows pending = new PendingRows();
  private boolean valueIsLong;
  /** PostgreSQL: each series' newest row (final or not) when the run began; rows after it cannot conflict. */
  private final Map<List<String>, Long> newestHeld = new HashMap<>();
  /** PostgreSQL: each series' key cells after the time, as COPY's CSV has them. */
  private final Map<List<String>, String> keyCells = new HashMap<>();
  private final StringBuilder copyText = new StringBuilder(1 << 16);
  /** PostgreSQL: the rows for the COPY not sent yet, by series (each in time order), and how many. */
  private final List<StringBuilder> copyBySeries = new ArrayList<>();
  private int copyRows;
  private CopyIn copy;

  /** SQLite: rows not inserted yet, in the order they came (by time), in arrays. */
  private static final class PendingRows {
    int size;
    int[] series = new int[1024];
    long[] times = new long[1024];
    long[] values = new long[1024];
    BigDecimal[] decimals = new BigDecimal[1024];
    boolean[] finals = new boolean[1024];

    void add(int seriesIndex, long time, BigDecimal value, boolean valueIsLong, boolean isFinal) {
      if (size == series.length) {
        int grown = size * 2;
        series = Arrays.copyOf(series, grown);
        times = Arrays.copyOf(times, grown);
        values = Arrays.copyOf(values, grown);
        decimals = Arrays.copyOf(decimals, grown);
        finals = Arrays.copyOf(finals, grown);
      }
      series[size] = seriesIndex;
      times[size] = time;
      if (valueIsLong) {
        values[size] = value.longValueExact();
      } else {
        decimals[size] = value;
      }
      finals[size] = isFinal;
      size++;
    }

    /** The rows' places, ordered by series and then as they came (by time). */
    int[] bySeries() {
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] = (long) series[i] << 32 | i;
      }
      Arrays.sort(keys);
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = (int) keys[i];
      }
      return order;
    }

    void clear() {
      Arrays.fill(decimals, 0, size, null);
      size = 0;
    }
  }

  SqlDestination(SqlDialect dialect, String dest, Connector connector, Duration lockWait,
      Optional<FileLockHolder.Target> fileLock) {
    this.dialect = dialect;
    this.dest = dest;
    this.connector = connector;
    this.lockWait = lockWait;
    this.fileLock = fileLock;
  }

  @Override
  public Resume open(SyncTable syncTable, FinalBuckets buckets, Instant backfillStart) throws IOException {
    this.table = syncTable;
    if (fileLock.isPresent()) {
      fileLockHeld = FileLockHolder.acquire(fileLock.get(), lockWait);
    }
    try {
      connection = connector.connect();
      dialect.tune(connection);
      connection.setAutoCommit(false);
      lock();
      prepareTables();
      Map<List<String>, Long> newest = newest("final");
      Instant from = null;
      boolean fresh = true;
      for (List<String> series : table.series()) {
        Instant resume = Optional.ofNullable(newest.get(series)).map(t -> Instant.ofEpochSecond(t).plus(buckets.size()))
            .orElse(backfillStart);
        fresh &= !newest.containsKey(series);
        from = from == null || resume.isBefore(from) ? resume : from;
      }
      table.series().forEach(this::indexOf);
      valueIsLong = "BIGINT".equals(table.valueColumn().type());
      if (dialect == SqlDialect.POSTGRESQL) {
        newestHeld.putAll(newest("TRUE"));
        table.series().forEach(series -> copyBySeries.add(new StringBuilder()));
        bulk = new PostgresBulk(table.name(), insertColumns(), conflictClause());
      } else {
        upsert = connection.prepareStatement(upsertSql());
      }
      return new Resume(from == null ? backfillStart : from, fresh);
    } catch (SQLException e) {
      throw failure(e, "opening it");
    }
  }

  @Override
  public void prepare(Instant from) {
    try {
      try (PreparedStatement stale = connection.prepareStatement("DELETE FROM " + table.name() + " WHERE NOT final"
          + fixedCondition() + " AND time < ?")) {
        int at = bindFixed(stale, 1);
        stale.setLong(at, from.getEpochSecond());
        stale.executeUpdate();
      }
      Set<List<String>> asked = new HashSet<>(table.series());
      List<List<String>> dropped = new ArrayList<>();
      String seriesColumns = names(table.seriesColumns());
      try (PreparedStatement provisional = connection.prepareStatement("SELECT DISTINCT " + seriesColumns + " FROM "
          + table.name() + " WHERE NOT final" + fixedCondition())) {
        bindFixed(provisional, 1);
        try (ResultSet result = provisional.executeQuery()) {
          while (result.next()) {
            List<String> series = seriesKey(result);
            if (!asked.contains(series)) {
              dropped.add(series);
            }
          }
        }
      }
      // Nobody asks for these series any more: their growing values would stay for good.
      try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + table.name() + " WHERE NOT final"
          + fixedCondition() + seriesCondition())) {
        for (List<String> series : dropped) {
          int at = bindFixed(forget, 1);
          for (String label : series) {
            forget.setString(at++, label);
          }
          forget.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure(e, "forgetting provisional rows");
    }
  }

  @Override
  public boolean keepsProvisional() {
    return true;
  }

  @Override
  public void write(Instant bucket, List<Row> rows, boolean isFinal) {
    try {
      if (dialect == SqlDialect.POSTGRESQL) {
        addToCopy(bucket, rows, isFinal);
      } else {
        addToPending(bucket, rows, isFinal);
      }
      if (uncommitted == 0) {
        openedAt = System.nanoTime();
      }
      uncommitted += rows.size();
      if (uncommitted >= COMMIT_ROWS || System.nanoTime() - openedAt >= COMMIT_NANOS) {
        commitBatch();
      } else if (pending.size >= INSERT_ROWS) {
        writePending();
      }
    } catch (SQLException e) {
      throw failure(e, "writing");
    }
  }

  private void addToPending(Instant bucket, List<Row> rows, boolean isFinal) {
    long time = bucket.getEpochSecond();
    for (Row row : rows) {
      pending.add(indexOf(table.seriesOf(row)), time, row.value(), valueIsLong, isFinal);
    }
  }

  private int indexOf(List<String> series) {
    Integer index = seriesIndex.get(series);
    if (index == null) {
      index = seriesByIndex.size();
      seriesIndex.put(series, index);
      seriesByIndex.add(series);
    }
    return index;
  }

  /** SQLite: inserts the rows not inserted yet, series by series, in the open transaction. */
  private void writePending() throws SQLException {
    if (pending.size == 0) {
      return;
    }
    for (int i : pending.bySeries()) {
      upsert.setLong(1, pending.times[i]);
      int at = bindFixed(upsert, 2);
      for (String label : seriesByIndex.get(pending.series[i])) {
        upsert.setString(at++, label);
      }
      if (valueIsLong) {
        upsert.setLong(at++, pending.values[i]);
      } else {
        upsert.setBigDecimal(at++, pending.decimals[i]);
      }
      upsert.setBoolean(at, pending.finals[i]);
      upsert.addBatch();
    }
    pending.clear();
    upsert.executeBatch();
  }

  /**
   * PostgreSQL: rows that cannot conflict (newer than their series' newest row when the run began)
   * go straight into the table through the open COPY; the others into the staging table's batch.
   */
  private void addToCopy(Instant bucket, List<Row> rows, boolean isFinal) throws SQLException {
    long time = bucket.getEpochSecond();
    for (Row row : rows) {
      List<String> series = table.seriesOf(row);
      Long newest = newestHeld.get(series);
      // A series the run did not ask for is not in seriesIndex: its rows take the upsert.
      Integer index = seriesIndex.get(series);
      boolean fresh = index != null && (newest == null || time > newest);
      StringBuilder line = fresh ? copyBySeries.get(index) : new StringBuilder(64);
      line.append(time).append(',').append(keyCells.computeIfAbsent(series, this::keyCells)).append(',')
          .append(row.value().toPlainString()).append(isFinal ? ",t\n" : ",f\n");
      if (fresh) {
        copyRows++;
      } else {
        bulk.add(line);
      }
    }
    if (copyRows >= INSERT_ROWS) {
      sendCopy();
    }
  }

  /**
   * PostgreSQL: sends the rows gathered for the COPY, series by series: each index insert then
   * lands beside the previous one (a third less of the server's time than in time order).
   */
  private void sendCopy() throws SQLException {
    if (copyRows == 0) {
      return;
    }
    if (copy == null) {
      copy = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table.name() + " (" + insertColumns() + ") FROM STDIN (FORMAT csv)");
    }
    copyText.setLength(0);
    for (StringBuilder series : copyBySeries) {
      copyText.append(series);
      series.setLength(0);
    }
    byte[] bytes = copyText.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    copyRows = 0;
  }

  /** The cells of the fixed key and the series, CSV-quoted where they are text. */
  private String keyCells(List<String> series) {
    List<String> cells = new ArrayList<>(table.fixedKey());
    cells.addAll(series);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      if ("TEXT".equals(table.keyColumns().get(i).type())) {
        text.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
      } else {
        text.append(cells.get(i));
      }
    }
    return text.toString();
  }

  @Override
  public void commit() {
    try {
      if (connection != null && (upsert != null || bulk != null)) {
        commitBatch();
      }
    } catch (SQLException e) {
      throw failure(e, "committing");
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (copy != null && copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException ignored) {
          // The connection is closed next, which ends the COPY anyway.
        }
      }
      if (connection != null) {
        // Uncommitted rows (a failed run) are rolled back; the session's advisory lock goes with the connection.
        connection.close();
      }
    } catch (SQLException e) {
      throw failure(e, "closing");
    } finally {
      if (fileLockHeld != null) {
        fileLockHeld.close();
      }
    }
  }

  private void commitBatch() throws SQLException {
    if (dialect == SqlDialect.POSTGRESQL) {
      sendCopy();
    }
    if (copy != null) {
      CopyIn open = copy;
      copy = null;
      open.endCopy();
    }
    if (bulk != null) {
      bulk.flush(connection);
    }
    if (upsert != null) {
      writePending();
    }
    connection.commit();
    uncommitted = 0;
  }

  private void lock() throws SQLException {
    long deadline = System.nanoTime() + lockWait.toNanos();
    while (!dialect.tryLock(connection, table.name())) {
      if (System.nanoTime() >= deadline) {
        throw FileLockHolder.busy(dest, lockWait);
      }
      try {
        Thread.sleep(LOCK_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceFailureException("interrupted while waiting for the lock of " + dest, e);
      }
    }
  }

  /** Checks the settings the rows were written with, then creates what is missing; refusal leaves all as it was. */
  private void prepareTables() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + SETTINGS_TABLE
          + " (setting TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
    }
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    wanted.put("command", table.schema().command());
    wanted.putAll(new java.util.TreeMap<>(table.settings()));
    Map<String, String> held = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT setting, value FROM " + SETTINGS_TABLE)) {
      while (result.next()) {
        held.put(result.getString(1), result.getString(2));
      }
    }
    for (Map.Entry<String, String> setting : wanted.entrySet()) {
      String before = held.get(setting.getKey());
      if (before != null && !before.equals(setting.getValue())) {
        connection.rollback();
        throw new InvalidInputException("--sync '" + dest + "': it was written with " + setting.getKey() + " "
            + before + ", this run has " + setting.getValue() + "; it was left as it was (use another DEST)");
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + table.name() + " (time BIGINT NOT NULL, "
          + table.keyColumns().stream().map(c -> c.name() + " " + c.type() + " NOT NULL, ").collect(Collectors.joining())
          + table.valueColumn().name() + " " + table.valueColumn().type() + " NOT NULL, final BOOLEAN NOT NULL, "
          + "PRIMARY KEY (" + names(table.keyColumns()) + ", time))" + dialect.tableOptions());
      // The few provisional rows, found without reading the history: each run looks them up first.
      statement.execute("CREATE INDEX IF NOT EXISTS " + table.name() + "_provisional ON " + table.name()
          + " (time) WHERE NOT final");
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT " + insertColumns() + " FROM " + table.name() + " WHERE 1 = 0").close();
    } catch (SQLException e) {
      connection.rollback();
      throw new InvalidInputException("--sync '" + dest + "': its table " + table.name() + " does not have the "
          + "columns " + insertColumns() + " (" + e.getMessage() + "); it was left as it was");
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SETTINGS_TABLE
        + " (setting, value) VALUES (?, ?)")) {
      for (Map.Entry<String, String> setting : wanted.entrySet()) {
        if (!held.containsKey(setting.getKey())) {
          insert.setString(1, setting.getKey());
          insert.setString(2, setting.getValue());
          insert.executeUpdate();
        }
      }
    }
    connection.commit();
  }

  /**
   * The newest bucket of each series this run asks for, in epoch seconds, among the rows
   * {@code where} holds ({@code final}: the final ones; {@code TRUE}: all): one short walk back from
   * the end of each series' key range (behind the newest final row are at most the few provisional
   * ones), rather than one GROUP BY over the whole history, which took a minute over 4 million rows.
   */
  private Map<List<String>, Long> newest(String where) throws SQLException {
    Map<List<String>, Long> newest = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT time FROM " + table.name() + " WHERE " + where
        + fixedCondition() + seriesCondition() + " ORDER BY time DESC LIMIT 1")) {
      for (List<String> series : table.series()) {
        int at = bindFixed(query, 1);
        for (String label : series) {
          query.setString(at++, label);
        }
        try (ResultSet result = query.executeQuery()) {
          if (result.next()) {
            newest.put(series, result.getLong(1));
          }
        }
      }
    }
    connection.commit();
    return newest;
  }

  private List<String> seriesKey(ResultSet result) throws SQLException {
    List<String> key = new ArrayList<>();
    for (int i = 1; i <= table.seriesColumns().size(); i++) {
      key.add(result.getString(i));
    }
    return key;
  }

  private String upsertSql() {
    return "INSERT INTO " + table.name() + " (" + insertColumns() + ") VALUES ("
        + Stream.generate(() -> "?").limit(table.keyColumns().size() + 3L).collect(Collectors.joining(", "))
        + ")" + conflictClause();
  }

  private String insertColumns() {
    return "time, " + names(table.keyColumns()) + ", " + table.valueColumn().name() + ", final";
  }

  /** A row already there is replaced: a provisional value by a newer one, or by the final one. */
  private String conflictClause() {
    return " ON CONFLICT (" + names(table.keyColumns()) + ", time) DO UPDATE SET " + table.valueColumn().name()
        + " = excluded." + table.valueColumn().name() + ", final = excluded.final";
  }

  private String seriesCondition() {
    return table.seriesColumns().stream().map(c -> " AND " + c.name() + " = ?").collect(Collectors.joining());
  }

  private String fixedCondition() {
    return table.keyColumns().subList(0, table.fixedKey().size()).stream().map(c -> " AND " + c.name() + " = ?")
        .collect(Collectors.joining());
  }

  /** Binds the fixed key (the granularity) from parameter {@code at} on; returns the next parameter's index. */
  private int bindFixed(PreparedStatement statement, int at) throws SQLException {
    int next = at;
    for (int i = 0; i < table.fixedKey().size(); i++) {
      if ("INTEGER".equals(table.keyColumns().get(i).type())) {
        statement.setInt(next++, Integer.parseInt(table.fixedKey().get(i)));
      } else {
        statement.setString(next++, table.fixedKey().get(i));
      }
    }
    return next;
  }

  private static String names(List<SyncTable.Column> columns) {
    return columns.stream().map(SyncTable.Column::name).collect(Collectors.joining(", "));
  }

  /** A database failure as the tool reports it: credentials (exit 3), not a database (2), else the service (5). */
  private CloudMetricsException failure(SQLException e, String doing) {
    String state = Optional.ofNullable(e.getSQLState()).orElse("");
    String where = "--sync '" + dest + "' (" + dialect.product() + "): ";
    if (state.startsWith("28")) {
      return new CredentialsException(where + e.getMessage());
    }
    if (dialect == SqlDialect.SQLITE && (e.getErrorCode() == 26 || e.getErrorCode() == 11)) {
      return new InvalidInputException(where + "not a SQLite database (" + e.getMessage() + "); it was left as it was");
    }
    String kept = doing.equals("writing") || doing.equals("committing") ? "; it keeps every bucket up to its last "
        + "commit, and the next --sync run resumes after them" : "";
    return new ServiceFailureException(where + doing + " failed: " + e.getMessage() + kept, e);
  }
}
