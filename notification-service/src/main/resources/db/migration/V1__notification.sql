-- The message centre: one message per event (event_id unique), rendered in the reader's language when read.
create table message (
    id            uuid primary key,
    recipient     varchar(64)  not null,
    event_id      varchar(64)  not null unique,
    event_type    varchar(80)  not null,
    kind          varchar(64)  not null,
    params        text         not null,
    link          varchar(300),
    time_critical boolean      not null,
    created_at    timestamptz  not null,
    read_at       timestamptz
);
create index message_by_recipient on message (recipient, created_at desc);
create index message_unread on message (recipient) where read_at is null;

-- Who can be reached how. The mobile is sealed with the service's personal-data key (PersonalDataCipher).
create table recipient (
    subject       varchar(64) primary key,
    mobile_sealed text,
    origin_client varchar(64),
    sms_consent   boolean     not null default true,
    updated_at    timestamptz not null
);

-- One delivery per (message, channel): a redelivered event or a retried attempt never makes a second one.
create table delivery (
    id                uuid primary key,
    message_id        uuid        not null references message (id),
    recipient         varchar(64) not null,
    channel           varchar(16) not null,
    kind              varchar(64) not null,
    status            varchar(16) not null check (status in ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'DEAD')),
    out_id            varchar(64) not null unique,
    attempts          integer     not null default 0,
    time_critical     boolean     not null,
    next_attempt_at   timestamptz not null,
    first_attempt_day date,
    provider_ref      varchar(80),
    reason            varchar(120),
    created_at        timestamptz not null,
    sent_at           timestamptz,
    unique (message_id, channel)
);
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
create index delivery_sent_by_recipient on delivery (recipient, channel, sent_at) where status = 'SENT';
create index delivery_dead on delivery (created_at) where status = 'DEAD';
