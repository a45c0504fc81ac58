-- Which task a reviewer's or signer's decision was given on. A task is completed without variables: the approval's
-- gateways read the decision recorded here, and a completion is refused unless its very task has one, so a decision
-- given on an earlier round of the same step never decides a later one. Rows written before this version belong to
-- tasks long completed, and keep no task.
alter table review_comment add column task_id varchar(64);
create index review_comment_by_task on review_comment (task_id);
