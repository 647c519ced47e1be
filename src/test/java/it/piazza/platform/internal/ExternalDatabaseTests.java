package it.piazza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import it.piazza.PiazzaApplication;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With PIAZZA_DB_URL set, Piazza uses that PostgreSQL and starts no embedded one. */
class ExternalDatabaseTests {

  @TempDir
  Path external;

  @TempDir
  Path data;

  @Test
  void aConfiguredDatabaseIsUsedAndMigrated() {
    // Stands in for the comune's own PostgreSQL: a server Piazza did not start.
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(external, false);
    try (var context = new SpringApplicationBuilder(PiazzaApplication.class)
        .profiles("demo", "test")
        .run("--server.port=0", "--piazza.db.url=" + server.jdbcUrl(), "--piazza.db.username=postgres",
            "--piazza.data-dir=" + data)) {
      HikariDataSource dataSource = (HikariDataSource) context.getBean(DataSource.class);
      assertThat(dataSource.getJdbcUrl()).isEqualTo(server.jdbcUrl());
      assertThat(JdbcClient.create(dataSource).sql("select count(*) from tenant").query(Long.class).single())
          .isGreaterThanOrEqualTo(2);
      assertThat(data.resolve("postgres")).doesNotExist();
    } finally {
      server.release();
    }
  }
}
