package org.iom.mtm.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer a Java user would pick: DuckDB in-process over JDBC, computing the same point
 * estimates in SQL (no standard errors), on the same data, in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class DuckDbBenchmark {

  /** An in-memory DuckDB with the survey table loaded. */
  @State(Scope.Benchmark)
  public static class Db {
    Connection connection;

    /**
     * Loads the survey rows through DuckDB's appender.
     *
     * @param s the survey data
     * @throws SQLException when DuckDB fails
     */
    @Setup(Level.Trial)
    public void load(SurveyState s) throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement()) {
        st.execute("SET threads TO 1");
        st.execute(
            "CREATE TABLE survey (region INTEGER, sex INTEGER, nationality INTEGER, w DOUBLE,"
                + " income DOUBLE, obstacles BIGINT)");
      }
      try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "survey")) {
        for (int i = 0; i < s.weight.length; i++) {
          a.beginRow();
          a.append(s.region[i]);
          a.append(s.sex[i]);
          a.append(s.nationality[i]);
          a.append(s.weight[i]);
          if (s.incomeAnswered[i]) {
            a.append(s.income[i]);
          } else {
            a.appendNull();
          }
          a.append(s.obstacles[i]);
          a.endRow();
        }
      }
    }

    /**
     * Closes the connection.
     *
     * @throws SQLException when DuckDB fails
     */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }

    double[] query(String sql) throws SQLException {
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        int cols = rs.getMetaData().getColumnCount();
        double sum = 0;
        int rows = 0;
        while (rs.next()) {
          rows++;
          for (int c = 1; c <= cols; c++) {
            sum += rs.getDouble(c);
          }
        }
        return new double[] {rows, sum};
      }
    }
  }

  /**
   * Weighted mean of income.
   *
   * @param db the database
   * @return rows and a checksum
   * @throws SQLException when DuckDB fails
   */
  @Benchmark
  public double[] meanIncome(Db db) throws SQLException {
    return db.query("SELECT sum(w * income) / sum(w) FROM survey WHERE income IS NOT NULL");
  }

  /**
   * Weighted mean income by region.
   *
   * @param db the database
   * @return rows and a checksum
   * @throws SQLException when DuckDB fails
   */
  @Benchmark
  public double[] meanIncomeByRegion(Db db) throws SQLException {
    return db.query(
        "SELECT region, sum(w * income) / sum(w) FROM survey WHERE income IS NOT NULL GROUP BY region");
  }

  /**
   * Weighted shares of the nationality levels.
   *
   * @param db the database
   * @return rows and a checksum
   * @throws SQLException when DuckDB fails
   */
  @Benchmark
  public double[] selectOneNationality(Db db) throws SQLException {
    return db.query(
        "SELECT nationality, sum(w) / (SELECT sum(w) FROM survey) FROM survey GROUP BY nationality");
  }

  /**
   * Weighted shares of 12 options by sex x region.
   *
   * @param db the database
   * @return rows and a checksum
   * @throws SQLException when DuckDB fails
   */
  @Benchmark
  public double[] multiSelectBySexRegion(Db db) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT sex, region");
    for (int k = 0; k < 12; k++) {
      sql.append(", sum(w * ((obstacles >> ").append(k).append(") & 1)) / sum(w)");
    }
    sql.append(" FROM survey GROUP BY sex, region");
    return db.query(sql.toString());
  }
}
