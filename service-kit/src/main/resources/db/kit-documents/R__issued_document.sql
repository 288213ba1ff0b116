-- Printed documents as issued (kit document.IssuedDocuments), in the services that issue them (flyway location
-- db/kit-documents). Repeatable and idempotent, so it lands in databases created before it as well as in new ones.

-- The content is the document's canonical JSON; sha256 its fingerprint, taken when it was issued.
create table if not exists issued_document (
    verification_code char(19)     primary key,
    type              varchar(40)  not null,
    document_no       varchar(60)  not null,
    content           text         not null,
    sha256            char(64)     not null,
    issued_at         timestamptz  not null,
    unique (type, document_no)
);
