package it.piazza.audit;

/**
 * Appends to the audit log. Call it inside the transaction of the change being recorded: the entry commits or
 * rolls back with it.
 */
public interface AuditLog {

  void record(AuditRecord record);
}
