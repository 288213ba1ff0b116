-- The hall's revision, bumped in the same transaction as every change of the hall, its opening plan or its closures
-- (issue 18). Each instance keeps a snapshot of a hall with its closures in memory and reuses it while the revision a
-- booking reads under its hall lock is the snapshot's (appointment-service/README.md, "Hall snapshots").
alter table hall add column revision bigint not null default 0;
