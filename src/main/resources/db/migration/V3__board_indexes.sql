-- The organising board's questions: units per status of a campaign, and which units are overdue.
create index report_by_status on report (campaign_id, status);
create index report_overdue on report (campaign_id, escalated_at, submitted_at);
