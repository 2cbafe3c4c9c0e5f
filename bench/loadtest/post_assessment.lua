-- wrk script: durable writes through the API (a complete 30-answer questionnaire each).
local answers = {}
for i = 1, 30 do answers[#answers + 1] = string.format('"crr_g_%02d":%d', i, (i % 7) + 1) end
wrk.method = "POST"
wrk.body = '{"instrument":"crr-general","answers":{' .. table.concat(answers, ",") .. '},"complete":true}'
wrk.headers["Content-Type"] = "application/json"
