-- A unit's state has one home. What a campaign knows of a unit as facts (its place in the tree as the campaign
-- took it, when guidance reached it, when it consolidated, when it submitted, its process) stays in one row per
-- unit, now named for what it is: campaign_unit. Its documents get a row each (campaign_document: kind, the version
-- its text was saved at, and once issued its number and date), their text in document_section and a report's
-- figures in report_figure. Where a unit stands (drafting, in review, waiting…) is no longer copied into a column
-- by listeners: it is derived from these facts and the engine's token (report.UnitStates).

alter table report rename to campaign_unit;
alter index report_by_parent rename to campaign_unit_by_parent;
drop index report_by_status;

create table campaign_document (
    campaign_id   bigint      not null,
    unit_code     varchar(64) not null,
    document_kind varchar(16) not null,
    -- Counts every save of the text or figures: a form saving what it read at an older version is refused.
    version       integer     default 0 not null,
    number        varchar(40),
    issued_at     timestamp with time zone,
    primary key (campaign_id, unit_code, document_kind),
    foreign key (campaign_id, unit_code) references campaign_unit (campaign_id, unit_code)
);

-- A report: saved at least once, holding text or figures, or numbered. Before the written documents were kept
-- (issued_document), an issued report's date is when it was sent.
insert into campaign_document (campaign_id, unit_code, document_kind, version, number, issued_at)
    select u.campaign_id, u.unit_code, 'REPORT', u.content_version, u.document_number,
           coalesce(i.issued_at, case when u.document_number is not null then u.submitted_at end)
    from campaign_unit u
    left join issued_document i on i.campaign_id = u.campaign_id and i.unit_code = u.unit_code and i.document_kind = 'REPORT'
    where u.content_version > 0 or u.document_number is not null or i.unit_code is not null
       or exists (select 1 from report_section s where s.campaign_id = u.campaign_id and s.unit_code = u.unit_code)
       or exists (select 1 from report_figure f where f.campaign_id = u.campaign_id and f.unit_code = u.unit_code);

-- Guidance: written or issued by the unit. Early releases also copied the number of the guidance a unit received onto
-- its row; only a unit with units below it issues guidance, so only there is the number its own.
insert into campaign_document (campaign_id, unit_code, document_kind, version, number, issued_at)
    select u.campaign_id, u.unit_code, 'GUIDANCE', u.guidance_version, u.guidance_number,
           coalesce(i.issued_at, u.guidance_issued_at)
    from campaign_unit u
    left join issued_document i on i.campaign_id = u.campaign_id and i.unit_code = u.unit_code and i.document_kind = 'GUIDANCE'
    where exists (select 1 from campaign_unit c where c.campaign_id = u.campaign_id and c.parent_code = u.unit_code)
      and (u.guidance_version > 0 or u.guidance_number is not null or u.guidance_text is not null or i.unit_code is not null);

-- The text of every document, section by section; guidance has one section, its text.
create table document_section (
    campaign_id   bigint      not null,
    unit_code     varchar(64) not null,
    document_kind varchar(16) not null,
    section_key   varchar(40) not null,
    body          text        not null,
    primary key (campaign_id, unit_code, document_kind, section_key),
    foreign key (campaign_id, unit_code, document_kind)
        references campaign_document (campaign_id, unit_code, document_kind)
);
insert into document_section (campaign_id, unit_code, document_kind, section_key, body)
    select campaign_id, unit_code, 'REPORT', section_key, body from report_section;
insert into document_section (campaign_id, unit_code, document_kind, section_key, body)
    select campaign_id, unit_code, 'GUIDANCE', 'text', guidance_text from campaign_unit where guidance_text is not null;
drop table report_section;

-- An issued document's number and date are its document row's; the written files keep only what is theirs.
alter table issued_document add foreign key (campaign_id, unit_code, document_kind)
    references campaign_document (campaign_id, unit_code, document_kind);
alter table issued_document drop column number;
alter table issued_document drop column issued_at;

alter table campaign_unit drop column status;
alter table campaign_unit drop column content_version;
alter table campaign_unit drop column document_number;
alter table campaign_unit drop column guidance_number;
alter table campaign_unit drop column guidance_text;
alter table campaign_unit drop column guidance_version;
alter table campaign_unit drop column guidance_issued_at;
