package it.piazza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away, retry" (503) and which are faults of the request or the code. */
class DatabaseUnavailableTest {

  @Test
  void aPoolThatTimesOutWaitingForAConnectionMeansTheDatabaseIsAway() {
    // What Hikari throws while PostgreSQL is down, as Spring's transaction manager wraps it.
    var hikari = new SQLTransientConnectionException("piazza - Connection is not available, request timed out");
    assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection",
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikari)))).isTrue();
    assertThat(DatabaseUnavailable.isCause(hikari)).isTrue();
  }

  @Test
  void aConnectionLostMidStatementMeansTheDatabaseIsAway() {
    var lost = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    assertThat(DatabaseUnavailable.isCause(lost)).isTrue();
    assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("insert", "insert ...", lost))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("gone", lost))).isTrue();
  }

  @Test
  void aCommitThatLostItsConnectionMeansTheDatabaseIsAway() {
    var lost = new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
    assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("Could not commit JDBC transaction", lost)))
        .isTrue();
  }

  @Test
  void aRollbackThatFailsOnAClosedConnectionIsJudgedByWhatCausedIt() {
    // The server shut down mid-transaction (57P01); rolling back the dead connection then fails without a SQLSTATE.
    var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(new UncategorizedSQLException("insert", "insert ...",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();

    var bug = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    bug.initApplicationException(new IllegalStateException("bug"));
    assertThat(DatabaseUnavailable.isCause(bug)).isFalse();
  }

  @Test
  void aCommitCutOffByTheServerWhoseRollbackFailsTooMeansTheDatabaseIsAway() {
    // Seen in DatabaseOutageIT: the commit met 57P01, Spring rolled back, the rollback met Hikari's closed proxy.
    assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
  }

  @Test
  void aServerShuttingDownOrStartingUpMeansTheDatabaseIsAway() {
    assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command",
        "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03")))
        .isTrue();
    assertThat(DatabaseUnavailable.isCause(new SQLException("sorry, too many clients already", "53300"))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new QueryTimeoutException("statement timeout"))).isTrue();
  }

  @Test
  void faultsOfTheRequestOrTheCodeAreNotOutages() {
    assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error at or near", "42601"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(null)).isFalse();
  }
}
