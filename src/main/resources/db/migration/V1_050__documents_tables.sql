-- Files people upload for their applications. The content lives in the document store, by SHA-256.
create table attachment (
  id            uuid primary key,
  tenant_id     text not null references tenant (id),
  uploader      text not null,
  service_id    text not null,
  kind          text not null,
  file_name     text not null,
  media_type    text not null,
  size          bigint not null,
  sha256        char(64) not null,
  uploaded_at   timestamptz not null,
  case_id       uuid
);
create index attachment_by_case on attachment (tenant_id, case_id);
