-- The collection deadline reminder (issuance.collection.*): when it was published, once per permit waiting at the hall.
alter table case_file add column collection_reminded_at timestamptz;

-- The sweep's candidates: permits at the hall not reminded yet, oldest first.
create index case_file_collection_reminder on case_file (ready_at)
    where status = 'READY_FOR_COLLECTION' and collection_reminded_at is null;
