package it.piazza.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An audit entry as stored, and its canonical bytes: what its Merkle leaf hashes. */
record AuditEntry(long id, String tenant, Instant occurredAt, String actor, String actingFor, String dataSubject,
                  String action, String recordType, String recordId, String channel, String purpose,
                  Long leafIndex, byte[] leafHash) {

  private static final byte VERSION = 1;

  /**
   * Version byte, then every field length-prefixed (-1 for absent), so no two different entries share bytes.
   * Time in microseconds, the precision PostgreSQL keeps.
   */
  byte[] leafData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(VERSION);
    out.writeBytes(ByteBuffer.allocate(16).putLong(id)
        .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)).array());
    for (String field : new String[] {tenant, actor, actingFor, dataSubject, action, recordType, recordId, channel,
        purpose}) {
      if (field == null) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
      }
    }
    return out.toByteArray();
  }
}
