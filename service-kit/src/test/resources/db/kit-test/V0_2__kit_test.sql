-- Effects of the test consumer; deliberately no unique key on event_id, so a duplicate effect would show.
create table test_effect (
    seq        bigint generated always as identity primary key,
    event_id   varchar(100) not null,
    subject    varchar(200) not null,
    type       varchar(200) not null,
    data       text         not null
);

create table test_booking (
    booking_no varchar(40) primary key,
    hall_id    varchar(40) not null
);
