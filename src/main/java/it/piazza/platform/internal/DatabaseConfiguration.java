package it.piazza.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import it.piazza.platform.DataDirectory;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code piazza.db.url} is set (production), otherwise the embedded one
 * with its data under {@code data/postgres}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean
  DataDirectory dataDirectory(@Value("${piazza.data-dir:./data}") String folder) {
    return new DataDirectory(java.nio.file.Path.of(folder));
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(DataDirectory data,
                        @Value("${piazza.db.url:}") String url,
                        @Value("${piazza.db.username:piazza}") String username,
                        @Value("${piazza.db.password:}") String password,
                        @Value("${piazza.db.pool-size:20}") int poolSize,
                        @Value("${piazza.db.connection-timeout:3s}") Duration connectionTimeout,
                        @Value("${piazza.db.embedded.clean-on-start:false}") boolean clean) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("piazza");
    config.setMaximumPoolSize(poolSize);
    // How long a request waits for a connection before it is answered 503 (docs/operations.md, "Failures and
    // recovery"): short, so that while the database is away callers learn it at once instead of piling up.
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis()));
    if (url.isBlank()) {
      EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(data.root().resolve("postgres"), clean);
      config.setJdbcUrl(server.jdbcUrl());
      config.setUsername("postgres");
      return new HikariDataSource(config) {
        @Override
        public void close() {
          super.close();
          server.release();
        }
      };
    }
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(password);
    return new HikariDataSource(config);
  }
}
