-- A case is paid only while what was paid and not refunded covers the assessed fee. The ledger now keeps the
-- assessment too (kind ASSESSED, reference = order number) and each fact once; the case keeps the amounts it shows.

delete from payment_fact a using payment_fact b
where a.id > b.id and a.application_no = b.application_no and a.kind = b.kind and a.reference_no = b.reference_no;

create unique index payment_fact_once on payment_fact (application_no, kind, reference_no);

alter table case_file
    add column fee_fen      bigint,
    add column paid_fen     bigint not null default 0,
    add column refunded_fen bigint not null default 0;

update case_file c
set paid_fen     = coalesce((select sum(amount_fen) from payment_fact f
                             where f.application_no = c.application_no and f.kind = 'PAID'), 0),
    refunded_fen = coalesce((select sum(amount_fen) from payment_fact f
                             where f.application_no = c.application_no and f.kind = 'REFUNDED'), 0);

-- Assessments were not kept before: the largest payment (each covered its order in full) stands for the fee.
update case_file c
set paid = paid_fen > 0 and paid_fen - refunded_fen >= (select max(amount_fen) from payment_fact f
                                                         where f.application_no = c.application_no and f.kind = 'PAID')
where issued_at is null;
