package it.piazza.cases.internal;

import it.piazza.cases.CaseStatus;
import java.time.Instant;

/**
 * One step in an application's history: who, when, what, from which state to which, why. Internal notes are
 * entries visible to the office only.
 */
record TimelineEntry(Instant at, String actor, String actorName, String action, CaseStatus from, CaseStatus to,
                     String reason, String note, boolean officeOnly) {}
