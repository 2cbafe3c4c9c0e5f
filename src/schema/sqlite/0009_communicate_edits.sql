-- Steps 4 and 7: editing and deleting messages, conflicts and boundaries.
-- (Placeholder until filled in.)
SELECT 1;
