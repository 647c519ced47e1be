package it.piazza.platform.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (down, restarting, unreachable, out of connections) from a fault in the
 * request or in the code. The first is answered {@code 503 service-unavailable} with {@code Retry-After}: the client
 * may retry (with the same Idempotency-Key) and nothing half-done was kept, because every write runs in one
 * transaction that the lost connection rolled back. Looks through the whole cause chain, since Spring, Hikari and the
 * PostgreSQL driver wrap each other in different orders depending on where the connection was lost.
 */
final class DatabaseUnavailable {

  /**
   * PostgreSQL SQLSTATEs (Appendix A of its manual) that mean "the server, not the statement": class 08 connection
   * exceptions, 57P01-57P03 (shutdown by an administrator, crash shutdown, cannot connect now: starting up or
   * recovering), 53300 too many connections.
   */
  private static final Set<String> SERVER_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseUnavailable() {}

  static boolean isCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && isServerState(sql.getSQLState())) {
        return true;
      }
      // A rollback on a connection the server already closed fails too ("Connection is closed", no SQLSTATE) and
      // hides the exception that caused it; Spring keeps that one aside as the application exception.
      if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
          && isCause(failed.getApplicationException())) {
        return true;
      }
      // A commit cut off by the server (57P01 mid-commit) makes Spring roll back, and that rollback fails on the
      // closed connection: the rollback's exception is thrown, with no application exception, and the commit's
      // only logged. No code fault ends a transaction that way; whether the commit landed is for the retry with
      // the same Idempotency-Key to find out.
      if (t instanceof TransactionSystemException failed && failed.getApplicationException() == null
          && failed.getCause() instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  static boolean isServerState(String state) {
    return state != null && (state.startsWith("08") || SERVER_STATES.contains(state));
  }
}
