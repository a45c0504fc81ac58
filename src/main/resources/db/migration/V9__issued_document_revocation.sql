-- How the revocation of each certificate on an issued document's signature paths was checked, when the system
-- signed it or when a PDF signed elsewhere replaced it: which source (OCSP or CRL) at which address, when, what it
-- answered, and the answer itself (DER) with its SHA-256. Replaced with the document's PDF.
create table issued_document_revocation (
    campaign_id     bigint       not null,
    unit_code       varchar(64)  not null,
    document_kind   varchar(16)  not null,
    entry_number    integer      not null,
    certificate     varchar(500) not null,
    serial_number   varchar(80)  not null,
    source          varchar(8),
    location        varchar(1000),
    checked_at      timestamp with time zone not null,
    produced_at     timestamp with time zone,
    status          varchar(16)  not null,
    revoked_at      timestamp with time zone,
    response_sha256 varchar(64),
    response        bytea,
    note            varchar(4000),
    primary key (campaign_id, unit_code, document_kind, entry_number),
    foreign key (campaign_id, unit_code, document_kind)
        references issued_document (campaign_id, unit_code, document_kind) on delete cascade
);
