-- The office's queue without a status filter (the default view) is ordered by due date: without this index every
-- case of the office was read and sorted to show the first page (74 ms at 100 000 cases, linear in the office's
-- cases; docs/benchmarks.md). With it the first page is read in order, whatever the number of cases.
create index application_queue_by_due_date on application (tenant_id, office_id, due_date, submitted_at);
