-- issuance-service: cases from acceptance to the permit in the citizen's hand, payments seen, the timeline.

create table case_file (
    application_no          varchar(40)  primary key,
    booking_no              varchar(40),
    receipt_no              varchar(60),
    subject                 varchar(100) not null,
    resident_id_sealed      text         not null,
    resident_id_hash        varchar(64)  not null,
    resident_id_masked      varchar(20)  not null,
    applicant_name          varchar(100),
    birth_date              date         not null,
    hall_id                 varchar(40)  not null,
    hall_region             varchar(6)   not null,
    category                varchar(30)  not null,
    existing_permit_no      varchar(20),
    hukou_local             boolean      not null,
    urgent_reason           varchar(500),
    urgent                  boolean      not null,
    acceptance_date         date         not null,
    accepted_at             timestamptz,
    opened_at               timestamptz  not null,
    -- null while the working-day calendar lacks the year the period runs into
    deadline                date,
    deadline_basis          varchar(30),
    deadline_days           int,
    extension_approval_no   varchar(100),
    extension_approved_by   varchar(200),
    extension_reason        varchar(1000),
    extension_recorded_by   varchar(100),
    extended_at             timestamptz,
    status                  varchar(30)  not null,
    decision                varchar(20)  not null,
    paid                    boolean      not null,
    reviewer                varchar(100),
    decided_at              timestamptz,
    decision_no             varchar(60)  unique,
    refusal_legal_basis     varchar(1000),
    permit_no               varchar(20),
    new_card                boolean      not null,
    card_type               varchar(30),
    permit_valid_from       date,
    permit_valid_until      date,
    issued_at               timestamptz,
    delivery_method         varchar(10)  not null,
    recipient_sealed        text,
    mobile_sealed           text,
    address_sealed          text,
    waybill_no              varchar(40),
    dispatched_at           timestamptz,
    delivered_at            timestamptz,
    ready_at                timestamptz,
    collected_at            timestamptz,
    collected_by_proxy      boolean,
    proxy_name              varchar(100),
    proxy_id_sealed         text,
    proxy_id_masked         varchar(20),
    collection_officer      varchar(100)
);
-- A new card's number is unique; a re-endorsement repeats the number of the permit held.
create unique index case_file_new_permit_no on case_file (permit_no) where new_card and permit_no is not null;
create index case_file_subject on case_file (subject);
create index case_file_booking_no on case_file (booking_no);
-- Review queue and supervisors' views: pending cases by urgency and deadline.
create index case_file_pending on case_file (urgent desc, deadline) where status = 'OPENED';
create index case_file_hall_status on case_file (hall_id, status);

create table case_endorsement (
    application_no   varchar(40) not null references case_file (application_no),
    position         int         not null,
    destination      varchar(2)  not null,
    endorsement_type varchar(10) not null,
    validity         varchar(10) not null,
    entries          varchar(10) not null,
    max_stay_days    int         not null,
    stay_rule        varchar(20),
    scheme           varchar(60),
    valid_from       date,
    valid_until      date,
    primary key (application_no, position)
);

create table refusal_reason (
    application_no varchar(40)   not null references case_file (application_no),
    position       int           not null,
    reason         varchar(1000) not null,
    primary key (application_no, position)
);

-- Numbers of refusal decision documents (不予批准决定书), per service database.
create sequence refusal_decision_seq;

-- Payments and refunds from fee-service, kept even before the case opens.
create table payment_fact (
    id             bigint generated always as identity primary key,
    application_no varchar(40) not null,
    order_no       varchar(60) not null,
    kind           varchar(10) not null,
    amount_fen     bigint      not null,
    reference_no   varchar(100),
    occurred_at    timestamptz not null
);
create index payment_fact_application_no on payment_fact (application_no);

-- The citizen's timeline: one row per event of any service (or a step this service derives), no personal data.
create table timeline_entry (
    id             bigint generated always as identity primary key,
    event_id       varchar(100) unique,
    step           varchar(30)  not null,
    application_no varchar(40),
    booking_no     varchar(40),
    subject        varchar(100),
    occurred_at    timestamptz  not null,
    details        text         not null
);
create index timeline_entry_application_no on timeline_entry (application_no);
create index timeline_entry_booking_no on timeline_entry (booking_no);
