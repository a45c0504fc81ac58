-- A unit's own report deadline in a campaign, where a reorganisation recomputed it from the plan for a unit that
-- continues merged units' work (the operator's choice, deadline=recompute); null: its level's (campaign_deadline).
-- Recorded, like every change of the row, in campaign_unit_change (field REPORT_DUE).
alter table campaign_unit add column recomputed_report_due timestamp with time zone;
