-- Notices of the working-day calendar loaded at run time (kit calendar.CalendarSource), in the services that
-- compute with the calendar (flyway location db/kit-calendar). Repeatable and idempotent, so it lands in
-- databases created before it as well as in new ones.

-- The notice in force per year: its canonical JSON, checked by HolidayNotice when stored and when read.
create table if not exists calendar_notice (
    year      integer      primary key,
    title     varchar(500) not null,
    notice    text         not null,
    sha256    char(64)     not null,
    source    varchar(50)  not null, -- ADMIN_API, EVENT
    loaded_by varchar(200) not null,
    loaded_at timestamptz  not null
);

-- Every change, kept: who loaded which notice when, and what it replaced.
create table if not exists calendar_notice_audit (
    id              bigint generated always as identity primary key,
    year            integer      not null,
    sha256          char(64)     not null,
    previous_sha256 char(64),
    source          varchar(50)  not null,
    loaded_by       varchar(200) not null,
    loaded_at       timestamptz  not null,
    notice          text         not null
);
create index if not exists calendar_notice_audit_year on calendar_notice_audit (year, loaded_at);
