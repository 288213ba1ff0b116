-- Halls this service takes intake for (the same ids as appointment-service's halls): the region decides the
-- office's remit (全国通办 or not) and hukou-local processing; the short code goes into the numbers issued.
create table hall (
    id          varchar(40)  primary key,
    code        varchar(8)   not null unique,
    region_code varchar(6)   not null,
    name        varchar(100) not null
);
insert into hall (id, code, region_code, name) values
    ('BJ-CHAOYANG', 'BJCY', '110105', '北京市公安局朝阳分局出入境接待大厅'),
    ('BJ-HAIDIAN',  'BJHD', '110108', '北京市公安局海淀分局出入境接待大厅'),
    ('SH-PUDONG',   'SHPD', '310115', '上海市公安局出入境管理局浦东接待大厅'),
    ('SH-XUHUI',    'SHXH', '310104', '上海市公安局徐汇分局出入境接待大厅'),
    ('GZ-TIANHE',   'GZTH', '440106', '广州市公安局天河区分局出入境接待大厅'),
    ('SZ-FUTIAN',   'SZFT', '440304', '深圳市公安局出入境管理局福田接待大厅'),
    ('CD-JINJIANG', 'CDJJ', '510104', '成都市公安局锦江区分局出入境接待大厅');

-- A booking as appointment-service announced it; intake is open once the citizen checked in.
create table booking (
    booking_no            varchar(40)  primary key,
    subject               varchar(100),
    resident_id_encrypted text         not null,
    resident_id_hash      varchar(64)  not null,
    resident_id_masked    varchar(18)  not null,
    name                  varchar(100),
    mobile                varchar(20),
    birth_date            date         not null,
    hall_id               varchar(40)  not null,
    booking_date          date         not null,
    hukou_region          varchar(6),
    non_hukou             boolean      not null,
    category              varchar(30)  not null,
    endorsements_json     text         not null,
    delivery_json         text,
    status                varchar(20)  not null,
    updated_at            timestamptz  not null
);
create index booking_hall_status on booking (hall_id, status);

-- What the officer recorded at the counter: the application details and the materials presented.
create table intake (
    booking_no     varchar(40) primary key references booking,
    officer        varchar(100) not null,
    details_json   text         not null,
    presented_json text         not null,
    recorded_at    timestamptz  not null
);

-- Accepted applications (受理) with their receipt (受理回执).
create table application (
    application_no     varchar(30)  primary key,
    receipt_no         varchar(30)  not null unique,
    booking_no         varchar(40)  not null unique references booking,
    subject            varchar(100),
    resident_id_hash   varchar(64)  not null,
    resident_id_masked varchar(18)  not null,
    hall_id            varchar(40)  not null,
    category           varchar(30)  not null,
    endorsements_json  text         not null,
    hukou_local        boolean      not null,
    officer            varchar(100) not null,
    accepted_at        timestamptz  not null
);
create index application_resident on application (resident_id_hash);

-- One-time notices (一次性告知): every missing or wrong item at once.
create table correction_notice (
    notice_no          varchar(30)  primary key,
    booking_no         varchar(40)  not null references booking,
    subject            varchar(100),
    resident_id_hash   varchar(64)  not null,
    hall_id            varchar(40)  not null,
    items_json         text         not null,
    officer            varchar(100) not null,
    issued_at          timestamptz  not null
);
create index correction_notice_resident on correction_notice (resident_id_hash);

-- Not accepted (不予受理): outside the office's remit, with the reason.
create table refusal (
    booking_no  varchar(40)  primary key references booking,
    hall_id     varchar(40)  not null,
    reason_code varchar(50)  not null,
    reason      text         not null,
    officer     varchar(100) not null,
    decided_at  timestamptz  not null
);

-- Readable numbers: one counter per hall, day and kind (A application, R receipt, N notice).
create table intake_sequence (
    hall_id    varchar(40) not null,
    day        date        not null,
    kind       varchar(1)  not null,
    last_value int         not null,
    primary key (hall_id, day, kind)
);
