-- The guidance a unit issues to the units below it: its text, saved like a report's with a version, and when it
-- was issued (its number is guidance_number).
alter table report add column guidance_text text;
alter table report add column guidance_version integer default 0 not null;
alter table report add column guidance_issued_at timestamp with time zone;

-- The written documents of a unit, one per kind: its report and its guidance.
create table unit_document (
    campaign_id   bigint       not null,
    unit_code     varchar(64)  not null,
    document_kind varchar(16)  not null,
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    content       bytea        not null,
    uploaded_at   timestamp with time zone not null,
    uploaded_by   varchar(100),
    primary key (campaign_id, unit_code, document_kind),
    foreign key (campaign_id, unit_code) references report (campaign_id, unit_code)
);
insert into unit_document (campaign_id, unit_code, document_kind, file_name, content_type, size_bytes, content,
                           uploaded_at, uploaded_by)
select campaign_id, unit_code, 'REPORT', file_name, content_type, size_bytes, content, uploaded_at, uploaded_by
from report_document;
drop table report_document;
