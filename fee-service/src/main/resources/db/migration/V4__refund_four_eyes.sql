-- Counter refunds wait for a second person (AWAITING_APPROVAL, approved_by never the requester), and a refunded
-- order no longer reads PAID: PARTIALLY_REFUNDED or REFUNDED, by what its settled refunds add up to.

alter table refund
    alter column status type varchar(24),
    drop constraint refund_status_check,
    add constraint refund_status_check check (status in ('AWAITING_APPROVAL', 'REQUESTED', 'REFUNDED', 'REJECTED')),
    add column approved_by varchar(200),
    add constraint refund_four_eyes check (approved_by <> requested_by);

alter table payment_order
    alter column status type varchar(24),
    drop constraint payment_order_status_check,
    add constraint payment_order_status_check
        check (status in ('UNPAID', 'PAID', 'CLOSED', 'PARTIALLY_REFUNDED', 'REFUNDED'));

update payment_order
set status = case when refunded_fen >= total_fen then 'REFUNDED' else 'PARTIALLY_REFUNDED' end
where status = 'PAID' and refunded_fen > 0;
