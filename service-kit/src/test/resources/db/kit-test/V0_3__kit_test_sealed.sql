-- Sealed columns of a test table with a two-column key (ReencryptionTest).
create table test_sealed (
    owner         varchar(40) not null,
    seq           int         not null,
    first_sealed  text        not null,
    second_sealed text,
    primary key (owner, seq)
);
