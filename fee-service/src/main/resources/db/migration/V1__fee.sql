-- fee-service: the legal fee schedule (append-only history), payment orders, payments, notify audit, refunds.
-- Amounts are integers in fen everywhere.

create table fee_schedule_version (
    version        int          primary key,
    effective_from date         not null unique,
    legal_basis    varchar(500) not null,
    created_at     timestamptz  not null,
    created_by     varchar(200) not null
);

create table fee_schedule_item (
    version    int         not null references fee_schedule_version (version),
    item       varchar(40) not null,
    amount_fen bigint      not null check (amount_fen >= 0),
    primary key (version, item)
);

-- History is never edited: fees once charged must stay explainable. New versions are inserts only.
create function fee_schedule_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the fee schedule is append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger fee_schedule_version_append_only before update or delete on fee_schedule_version
    for each row execute function fee_schedule_append_only();
create trigger fee_schedule_item_append_only before update or delete on fee_schedule_item
    for each row execute function fee_schedule_append_only();

-- The two legal versions (FAQ Q54, rules.md §4). The 2019 notice cut the permit from 80 to 60 yuan
-- from 2019-07-01; endorsements were unchanged.
insert into fee_schedule_version (version, effective_from, legal_basis, created_at, created_by) values
    (1, date '2017-07-01', '发改价格〔2017〕1186号', timestamptz '2017-07-01 00:00:00+08', 'migration'),
    (2, date '2019-07-01', '发改价格〔2017〕1186号；发改价格〔2019〕914号', timestamptz '2019-07-01 00:00:00+08', 'migration');
insert into fee_schedule_item (version, item, amount_fen) values
    (1, 'PERMIT', 8000),
    (1, 'ENDORSEMENT_SINGLE', 1500),
    (1, 'ENDORSEMENT_DOUBLE', 3000),
    (1, 'ENDORSEMENT_MULTIPLE_UP_TO_1Y', 8000),
    (1, 'ENDORSEMENT_MULTIPLE_1Y_TO_2Y', 12000),
    (1, 'ENDORSEMENT_MULTIPLE_2Y_TO_3Y', 16000),
    (1, 'ENDORSEMENT_MULTIPLE_3Y_PLUS', 24000),
    (2, 'PERMIT', 6000),
    (2, 'ENDORSEMENT_SINGLE', 1500),
    (2, 'ENDORSEMENT_DOUBLE', 3000),
    (2, 'ENDORSEMENT_MULTIPLE_UP_TO_1Y', 8000),
    (2, 'ENDORSEMENT_MULTIPLE_1Y_TO_2Y', 12000),
    (2, 'ENDORSEMENT_MULTIPLE_2Y_TO_3Y', 16000),
    (2, 'ENDORSEMENT_MULTIPLE_3Y_PLUS', 24000);

create sequence payment_order_seq;

create table payment_order (
    order_no         varchar(32)  primary key,           -- also Alipay's out_trade_no
    application_no   varchar(64)  not null unique,       -- one order per accepted application
    citizen_subject  varchar(200) not null,              -- token subject of the applicant
    hall_id          varchar(64)  not null,
    status           varchar(16)  not null check (status in ('UNPAID', 'PAID', 'CLOSED')),
    total_fen        bigint       not null check (total_fen > 0),
    refunded_fen     bigint       not null default 0 check (refunded_fen >= 0 and refunded_fen <= total_fen),
    priced_on        date         not null,
    schedule_version int          not null references fee_schedule_version (version),
    alipay_trade_no  varchar(64),                        -- set once the mini-program trade exists
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    paid_at          timestamptz,
    closed_at        timestamptz,
    close_reason     varchar(40)
);
create index payment_order_open on payment_order (expires_at) where status = 'UNPAID';
create index payment_order_citizen on payment_order (citizen_subject, created_at);
create index payment_order_hall on payment_order (hall_id, created_at);

create table order_line (
    order_no    varchar(32)  not null references payment_order (order_no),
    line_no     int          not null,
    item        varchar(40)  not null,
    destination varchar(2),
    description varchar(200) not null,
    rule        varchar(100) not null,
    legal_basis varchar(300) not null,
    amount_fen  bigint       not null check (amount_fen >= 0),
    primary key (order_no, line_no)
);

-- At most one payment per order, and each platform trade counts once: the database refuses a double.
create table payment (
    id               bigint generated always as identity primary key,
    order_no         varchar(32)  not null unique references payment_order (order_no),
    channel          varchar(16)  not null check (channel in ('ALIPAY', 'COUNTER')),
    channel_trade_no varchar(64)  not null,
    amount_fen       bigint       not null check (amount_fen > 0),
    paid_at          timestamptz  not null,
    recorded_at      timestamptz  not null,
    recorded_by      varchar(200) not null,              -- officer subject, 'alipay-notify' or 'reconciliation'
    unique (channel, channel_trade_no)
);

-- Every notify that reached us, accepted or not, with what we made of it.
create table notify_audit (
    id           bigint generated always as identity primary key,
    received_at  timestamptz  not null,
    out_trade_no varchar(64),
    trade_no     varchar(64),
    notify_id    varchar(64),
    trade_status varchar(32),
    outcome      varchar(32)  not null,
    detail       varchar(500),
    params       text         not null
);
create index notify_audit_order on notify_audit (out_trade_no, received_at);

create table refund (
    refund_no    varchar(64)  primary key,               -- the requester's number: Alipay's out_request_no
    order_no     varchar(32)  not null references payment_order (order_no),
    amount_fen   bigint       not null check (amount_fen > 0),
    reason       varchar(200) not null,
    requested_by varchar(200) not null,
    refunded_at  timestamptz  not null
);
create index refund_order on refund (order_no);
