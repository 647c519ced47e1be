-- The audit log (registro degli accessi): every change and every read of personal data, append-only.
-- Entries are written in the transaction of the change they record; the log integrator then gives each one its
-- place (leaf_index) in the comune's Merkle tree (RFC 6962) and signs checkpoints of the tree.
create table audit_entry (
  id           bigint generated always as identity primary key,
  tenant_id    text not null references tenant (id),
  occurred_at  timestamptz not null,
  actor        text not null,
  acting_for   text,
  data_subject text,
  action       text not null,
  record_type  text not null,
  record_id    text,
  channel      text not null check (channel in ('online', 'desk', 'api', 'system')),
  purpose      text not null,
  leaf_index   bigint,
  leaf_hash    bytea,
  unique (tenant_id, leaf_index)
);
create index audit_entry_unsequenced on audit_entry (tenant_id, id) where leaf_index is null;
create index audit_entry_by_subject on audit_entry (tenant_id, data_subject, id);

-- Append-only: the application may only set an entry's place in the tree, once. (A database superuser can still
-- disable this; the signed checkpoints are what make such tampering detectable.)
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'audit entries cannot be deleted';
  end if;
  if old.leaf_index is not null
     or (new.tenant_id, new.occurred_at, new.actor, new.acting_for, new.data_subject, new.action, new.record_type,
         new.record_id, new.channel, new.purpose)
        is distinct from
        (old.tenant_id, old.occurred_at, old.actor, old.acting_for, old.data_subject, old.action, old.record_type,
         old.record_id, old.channel, old.purpose) then
    raise exception 'audit entries cannot be changed';
  end if;
  return new;
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
  for each row execute function audit_entry_append_only();

-- Signed checkpoints: tree size and root hash of a comune's log, signed with the audit key (Ed25519).
create table audit_checkpoint (
  tenant_id  text not null references tenant (id),
  tree_size  bigint not null,
  root_hash  bytea not null,
  signed_at  timestamptz not null,
  key_id     text not null,
  signature  bytea not null,
  primary key (tenant_id, tree_size, signed_at)
);

-- The right edge of each comune's tree (roots of its perfect subtrees), so appending never rereads the log.
create table audit_tree_state (
  tenant_id text primary key references tenant (id),
  tree_size bigint not null,
  frontier  bytea[] not null
);
