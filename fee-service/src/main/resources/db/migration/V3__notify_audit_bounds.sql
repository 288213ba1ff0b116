-- Refused notifies keep only the known Alipay fields (NotifyAuditFields); what was left out is counted here.
alter table notify_audit add column dropped_fields integer not null default 0;
alter table notify_audit add column request_bytes  bigint;
