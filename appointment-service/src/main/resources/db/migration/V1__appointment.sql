-- appointment-service: halls, capacity per window, holds, waitlist, bookings.

create table hall (
    id                  varchar(40)  primary key,            -- e.g. BJ-CHAOYANG, the officers' hall_id claim
    name                varchar(200) not null,
    province_code       varchar(6)    not null,
    province_name       varchar(50)  not null,
    city_code           varchar(6)    not null,
    city_name           varchar(50)  not null,
    district_code       varchar(6)    not null,               -- GB/T 2260
    district_name       varchar(50)  not null,
    address             varchar(300) not null,
    latitude            double precision not null,
    longitude           double precision not null,
    phone               varchar(40)  not null,
    weekdays            varchar(80)  not null,               -- MONDAY,TUESDAY,...
    opens               time         not null,
    closes              time         not null,
    lunch_start         time,
    lunch_end           time,
    window_minutes      int          not null check (window_minutes between 1 and 240),
    capacity_per_window int          not null check (capacity_per_window >= 0),
    categories          varchar(200) not null,               -- FIRST_APPLICATION,RENEWAL,...
    endorsement_types   varchar(100) not null,               -- T,S,L,G,D,Q,TALENT
    cut_off_minutes     int          not null check (cut_off_minutes >= 0),
    updated_at          timestamptz  not null
);
create index hall_province on hall (province_code);
create index hall_city on hall (city_code);

-- Ad-hoc closures; public holidays come from the working-day calendar and are not stored.
create table hall_closure (
    hall_id      varchar(40)  not null references hall (id),
    closure_date date         not null,
    reason       varchar(200) not null,
    created_at   timestamptz  not null,
    primary key (hall_id, closure_date)
);

-- One row per (hall, day, window), created on first use with the plan's capacity. taken counts
-- bookings, live holds and waitlist offers; the conditional update "taken < capacity" is the only
-- place a place is ever taken, so no number of instances can overbook.
create table slot_capacity (
    hall_id      varchar(40) not null references hall (id),
    slot_date    date        not null,
    window_start time        not null,
    window_end   time        not null,
    capacity     int         not null check (capacity >= 0),
    taken        int         not null default 0 check (taken >= 0),
    primary key (hall_id, slot_date, window_start)
);

create table booking (
    booking_no       varchar(20)  primary key,
    citizen_subject  varchar(100) not null,                  -- token sub: the owner
    citizen_hash     varchar(64)  not null,                  -- keyed hash of the resident ID: limits per person
    personal_data    text         not null,                  -- encrypted JSON: resident ID, name, mobile, contacts, address
    hall_id          varchar(40)  not null references hall (id),
    slot_date        date         not null,
    window_start     time         not null,
    window_end       time         not null,
    document_type    varchar(20)  not null,
    category         varchar(30)  not null,
    endorsements     varchar(200) not null,                  -- HK:G,MO:G
    hukou_region     varchar(6)    not null,
    non_hukou        boolean      not null,
    delivery_method  varchar(10)  not null,
    status           varchar(20)  not null,                  -- BOOKED, CANCELLED, CHECKED_IN, NO_SHOW
    cancel_reason    varchar(30),
    booked_by_client varchar(100),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    checked_in_at    timestamptz,
    checked_in_by    varchar(100),
    reminder_sent_at timestamptz
);
create index booking_owner on booking (citizen_subject, created_at desc);
create index booking_person on booking (citizen_hash, status);
create index booking_hall_day on booking (hall_id, slot_date, window_start);
create index booking_open on booking (slot_date) where status = 'BOOKED';

-- A place kept for a citizen for a short while: while the form is filled (HOLD) or offered from the waitlist (OFFER).
create table slot_hold (
    id              uuid         primary key,
    hall_id         varchar(40)  not null references hall (id),
    slot_date       date         not null,
    window_start    time         not null,
    window_end      time         not null,
    citizen_subject varchar(100) not null,
    citizen_hash    varchar(64)  not null,
    kind            varchar(10)  not null,                   -- HOLD, OFFER
    status          varchar(10)  not null,                   -- ACTIVE, USED, RELEASED, EXPIRED
    expires_at      timestamptz  not null,
    created_at      timestamptz  not null
);
create index slot_hold_live on slot_hold (expires_at) where status = 'ACTIVE';
create index slot_hold_slot on slot_hold (hall_id, slot_date, window_start) where status = 'ACTIVE';
create index slot_hold_owner on slot_hold (citizen_subject) where status = 'ACTIVE';

create table waitlist_entry (
    id              uuid         primary key,
    hall_id         varchar(40)  not null references hall (id),
    slot_date       date         not null,
    window_start    time         not null,
    citizen_subject varchar(100) not null,
    citizen_hash    varchar(64)  not null,
    priority        boolean      not null,                   -- lost a booking to a hall closure: served first
    status          varchar(10)  not null,                   -- WAITING, OFFERED, LEFT, CLOSED
    hold_id         uuid,
    created_at      timestamptz  not null
);
create unique index waitlist_once on waitlist_entry (hall_id, slot_date, window_start, citizen_hash)
    where status in ('WAITING', 'OFFERED');
create index waitlist_queue on waitlist_entry (hall_id, slot_date, window_start, priority desc, created_at)
    where status = 'WAITING';

-- Citizens whose booking a hall closure cancelled: they rebook ahead of the waitlist and outside the rolling limit.
create table priority_rebook (
    citizen_hash      varchar(64) not null,
    source_booking_no varchar(20) not null references booking (booking_no),
    valid_until       timestamptz not null,
    primary key (citizen_hash, source_booking_no)
);
