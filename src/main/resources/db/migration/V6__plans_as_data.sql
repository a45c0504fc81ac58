-- Plans become data: a plan file is registered as a version and kept whole; campaigns name the version they run,
-- their deadlines are per level of the plan, and a report's text is kept per section key of the plan.

create table plan (
    plan_number   varchar(40)   not null,
    version       integer       not null,
    title         varchar(2000) not null,
    -- The file as it was registered: the one home of the plan's content.
    source        text          not null,
    sha256        varchar(64)   not null,
    registered_at timestamp with time zone not null,
    registered_by varchar(100),
    primary key (plan_number, version)
);

-- Campaigns started before plans were files ran the plan that ships as version 1 of its file.
alter table campaign add column plan_version integer default 1 not null;

-- Per level of the plan: GUIDANCE (its guidance is issued), SUBORDINATES (it stops waiting for the units below and
-- consolidates what it has), REPORT (its own report is signed and sent).
create table campaign_deadline (
    campaign_id bigint      not null references campaign (id),
    level       varchar(16) not null,
    kind        varchar(16) not null,
    due         timestamp with time zone not null,
    primary key (campaign_id, level, kind)
);

-- The five named deadlines of earlier campaigns, which ran the three levels of KH 117, as deadlines per level: for
-- the campaign's root's level and the levels below it only, as a campaign started now holds them.
insert into campaign_deadline (campaign_id, level, kind, due)
    select c.id, 'PROVINCE', 'GUIDANCE', c.guidance_due from campaign c
    join report r on r.campaign_id = c.id and r.unit_code = c.root_unit where r.level = 'PROVINCE';
insert into campaign_deadline (campaign_id, level, kind, due)
    select c.id, 'PROVINCE', 'SUBORDINATES', c.submission_due from campaign c
    join report r on r.campaign_id = c.id and r.unit_code = c.root_unit where r.level = 'PROVINCE';
insert into campaign_deadline (campaign_id, level, kind, due)
    select c.id, 'PROVINCE', 'REPORT', c.province_due from campaign c
    join report r on r.campaign_id = c.id and r.unit_code = c.root_unit where r.level = 'PROVINCE';
insert into campaign_deadline (campaign_id, level, kind, due)
    select c.id, 'DISTRICT', 'GUIDANCE', c.guidance_due from campaign c
    join report r on r.campaign_id = c.id and r.unit_code = c.root_unit where r.level in ('PROVINCE', 'DISTRICT');
insert into campaign_deadline (campaign_id, level, kind, due)
    select c.id, 'DISTRICT', 'SUBORDINATES', c.base_due from campaign c
    join report r on r.campaign_id = c.id and r.unit_code = c.root_unit where r.level in ('PROVINCE', 'DISTRICT');
insert into campaign_deadline (campaign_id, level, kind, due)
    select c.id, 'DISTRICT', 'REPORT', c.district_due from campaign c
    join report r on r.campaign_id = c.id and r.unit_code = c.root_unit where r.level in ('PROVINCE', 'DISTRICT');
insert into campaign_deadline (campaign_id, level, kind, due) select id, 'BASE', 'REPORT', base_due from campaign;
alter table campaign drop column guidance_due;
alter table campaign drop column base_due;
alter table campaign drop column district_due;
alter table campaign drop column submission_due;
alter table campaign drop column province_due;

-- A report's text, one row per section of its plan's outline.
create table report_section (
    campaign_id bigint      not null,
    unit_code   varchar(64) not null,
    section_key varchar(40) not null,
    body        text        not null,
    primary key (campaign_id, unit_code, section_key),
    foreign key (campaign_id, unit_code) references report (campaign_id, unit_code)
);
insert into report_section (campaign_id, unit_code, section_key, body)
    select campaign_id, unit_code, 'section1', section_1 from report where section_1 is not null;
insert into report_section (campaign_id, unit_code, section_key, body)
    select campaign_id, unit_code, 'section2', section_2 from report where section_2 is not null;
insert into report_section (campaign_id, unit_code, section_key, body)
    select campaign_id, unit_code, 'section3', section_3 from report where section_3 is not null;
insert into report_section (campaign_id, unit_code, section_key, body)
    select campaign_id, unit_code, 'section4', section_4 from report where section_4 is not null;
insert into report_section (campaign_id, unit_code, section_key, body)
    select campaign_id, unit_code, 'section5', section_5 from report where section_5 is not null;
insert into report_section (campaign_id, unit_code, section_key, body)
    select campaign_id, unit_code, 'section6', section_6 from report where section_6 is not null;
alter table report drop column section_1;
alter table report drop column section_2;
alter table report drop column section_3;
alter table report drop column section_4;
alter table report drop column section_5;
alter table report drop column section_6;

-- Whether a unit is overdue has one home: the escalation raised for it (and the engine's token waiting at
-- "Báo cáo quá hạn"); the copy on the report row goes, with the index that served it. The escalation table's
-- unique key (campaign_id, unit_code, deadline) answers "is this unit overdue" by index.
drop index report_overdue;
alter table report drop column escalated_at;

-- A unit's report deadline is its level's in the campaign (campaign_deadline), not a copy on its row.
alter table report drop column report_due;

-- The organising board is the plan's (each version keeps its own), not a copy on the campaign.
alter table campaign drop column organising_group;
