-- A unit's document registers list its documents across every campaign it took part in: found by its code alone,
-- which the primary key (campaign first) does not serve.
create index campaign_unit_by_unit on campaign_unit (unit_code);
