-- Refunds become durable intents: recorded (REQUESTED) before the platform is called, settled (REFUNDED) or
-- refused (REJECTED) afterwards in their own transactions, and completed by the refund reconciliation when the
-- answer was lost. Every refund recorded before this migration was settled in the transaction that called Alipay.

alter table refund
    add column status        varchar(16)  not null default 'REFUNDED'
        check (status in ('REQUESTED', 'REFUNDED', 'REJECTED')),
    add column requested_at  timestamptz,
    add column attempted_at  timestamptz,             -- last platform call started (reconciliation waits after it)
    add column settled_by    varchar(200),            -- staff subject, or 'reconciliation'
    add column rejected_code varchar(64),             -- the platform's sub_code
    add column rejected_msg  varchar(256);            -- the platform's sub_msg

update refund set requested_at = refunded_at, attempted_at = refunded_at, settled_by = requested_by;

alter table refund
    alter column status drop default,
    alter column requested_at set not null,
    alter column attempted_at set not null,
    alter column refunded_at drop not null,
    add constraint refund_settled check ((status = 'REFUNDED') = (refunded_at is not null)),
    add constraint refund_rejected check ((status = 'REJECTED') = (rejected_code is not null));

create index refund_requested on refund (attempted_at) where status = 'REQUESTED';
