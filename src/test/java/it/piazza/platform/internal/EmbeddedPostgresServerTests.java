package it.piazza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data in its folder across restarts. */
class EmbeddedPostgresServerTests {

  @TempDir
  Path folder;

  @Test
  void dataSurvivesARestart() throws Exception {
    EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(folder, false);
    try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "")) {
      c.createStatement().execute("create table kept (v text)");
      c.createStatement().execute("insert into kept values ('still here')");
    }
    first.release();
    assertThat(Files.exists(folder.resolve("postmaster.pid"))).as("stopped cleanly").isFalse();

    EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(folder, false);
    try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
         ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    } finally {
      second.release();
    }
  }

  @Test
  void contextsOfOneJvmShareOneServerPerFolder() {
    EmbeddedPostgresServer a = EmbeddedPostgresServer.acquire(folder, false);
    EmbeddedPostgresServer b = EmbeddedPostgresServer.acquire(folder, false);
    try {
      assertThat(b).isSameAs(a);
    } finally {
      b.release();
      a.release();
    }
  }
}
