-- A counter refund waiting for its second person can be withdrawn (asked by mistake, or refused by the hall): it then
-- no longer counts against what is refundable. Who withdrew it and why are kept.

alter table refund
    drop constraint refund_status_check,
    add constraint refund_status_check
        check (status in ('AWAITING_APPROVAL', 'REQUESTED', 'REFUNDED', 'REJECTED', 'WITHDRAWN')),
    add column withdrawn_by varchar(200),
    add column withdrawal_reason varchar(500);
