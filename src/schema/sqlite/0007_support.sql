-- Step 8: self-check answers, the therapist directory, postcodes and the shortlist.
-- (Placeholder until filled in.)
SELECT 1;
