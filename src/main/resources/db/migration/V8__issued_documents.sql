-- The written document of each issued guidance and report: the PDF as signed (its SHA-256 checked whenever it is
-- served), the DOCX beside it, who signed and whether the PDF was signed elsewhere (a leader's token) and uploaded.
create table issued_document (
    campaign_id      bigint       not null,
    unit_code        varchar(64)  not null,
    document_kind    varchar(16)  not null,
    number           varchar(40)  not null,
    issued_at        timestamp with time zone not null,
    pdf              bytea        not null,
    pdf_sha256       varchar(64)  not null,
    docx             bytea        not null,
    signed_by        varchar(500),
    signed_elsewhere boolean      default false not null,
    uploaded_by      varchar(100),
    uploaded_at      timestamp with time zone,
    primary key (campaign_id, unit_code, document_kind),
    foreign key (campaign_id, unit_code) references report (campaign_id, unit_code)
);
