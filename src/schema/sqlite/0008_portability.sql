-- Data portability: what imports brought in, so re-importing skips duplicates.
-- (Placeholder until filled in.)
SELECT 1;
