-- Steps 5 and 6: the calendar feed token.
-- (Placeholder until filled in.)
SELECT 1;
