-- Steps 4 and 7: editing and deleting messages, conflicts and boundaries.
-- updated_ms: when the row was last edited (NULL: never). deleted_ms: when it was deleted
-- (NULL: not deleted); a deleted row can be restored for 30 days, then it is purged.
ALTER TABLE messages ADD COLUMN updated_ms INTEGER;
ALTER TABLE messages ADD COLUMN deleted_ms INTEGER;
ALTER TABLE conflicts ADD COLUMN updated_ms INTEGER;
ALTER TABLE conflicts ADD COLUMN deleted_ms INTEGER;
ALTER TABLE boundaries ADD COLUMN updated_ms INTEGER;
ALTER TABLE boundaries ADD COLUMN deleted_ms INTEGER;
-- Boundaries are listed oldest first, a page at a time.
CREATE INDEX boundaries_by_user ON boundaries (user_id, id);
