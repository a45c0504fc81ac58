-- Every save of a report's text or figures counts up its version: a form or a client saving what it read at an
-- older version is refused instead of overwriting what was saved since.
alter table report add column content_version integer default 0 not null;

-- The approval steps have one vocabulary (DRAFT, REVIEW, SIGN), in the comment history too.
update review_comment set step = 'SIGN' where step = 'SIGN_OFF';

-- The year a campaign places its plan's days in: one running campaign per plan, unit and year.
alter table campaign add column campaign_year integer;
update campaign set campaign_year = extract(year from province_due);
alter table campaign alter column campaign_year set not null;
