-- Tables of the service kit: they run before each service's own migrations (V1__...).

-- Transactional outbox: one row per event, written in the business transaction, published by OutboxRelay.
create table outbox_event (
    id           bigint generated always as identity primary key, -- publication order
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    type         varchar(200) not null,
    envelope     text         not null,
    traceparent  varchar(55),
    created_at   timestamptz  not null,
    published_at timestamptz
);
-- The relay reads only the backlog; published rows wait for the retention sweep.
create index outbox_event_backlog on outbox_event (id) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Idempotent consumer: an event id recorded in the same transaction as its effect.
create table inbox_event (
    consumer     varchar(200) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
create index inbox_event_processed_at on inbox_event (processed_at);

-- Idempotency-Key of retried writes: the first response, replayed for the same caller and key.
create table idempotency_key (
    scope         varchar(100) not null,
    key           varchar(200) not null,
    caller        varchar(200) not null,
    request_hash  varchar(64)  not null,
    status        int          not null,
    response_json text,
    created_at    timestamptz  not null,
    primary key (scope, caller, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
