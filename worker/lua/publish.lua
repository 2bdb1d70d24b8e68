-- Publish one processed document atomically: exactly once per doc_id, with its events, and with
-- `duplicate_of` filled when a near-identical fingerprint was published before.
--
-- KEYS[1]      processed marker (newswire:done:<doc_id>)
-- KEYS[2]      documents stream
-- KEYS[3]      events stream
-- KEYS[4..]    near-duplicate buckets (sorted sets of `fingerprint:doc_id` scored by publish time): first
--              ARGV[9] buckets of the document's own bands (indexed and searched), then probe buckets
--              of nearby band values (searched only)
-- ARGV[1]      doc_id
-- ARGV[2]      marker ttl (seconds)
-- ARGV[3]      approximate MAXLEN of each stream
-- ARGV[4]      schema_version
-- ARGV[5]      document record JSON, holding `"duplicate_of":null`
-- ARGV[6]      fingerprint (16 hex digits) or ""
-- ARGV[7]      largest Hamming distance that counts as a near duplicate
-- ARGV[8]      fingerprint retention (seconds)
-- ARGV[9]      number of own-band buckets among KEYS[4..]
-- ARGV[10..]   event_id, event JSON, event_id, event JSON, ...
-- Returns {1, duplicate_of or ""} when published, {0, ""} when the document was published before.

if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  return {0, ''}
end

local function popcount16(x)
  local n = 0
  while x ~= 0 do
    x = bit.band(x, x - 1)
    n = n + 1
  end
  return n
end

local function hamming(a, b)
  local d = 0
  for i = 1, 16, 4 do
    d = d + popcount16(bit.bxor(tonumber(string.sub(a, i, i + 3), 16), tonumber(string.sub(b, i, i + 3), 16)))
  end
  return d
end

local doc_id, fingerprint = ARGV[1], ARGV[6]
local duplicate_of, oldest = '', nil
if fingerprint ~= '' then
  local now = tonumber(redis.call('TIME')[1])
  local horizon = now - tonumber(ARGV[8])
  local max_distance = tonumber(ARGV[7])
  local own_buckets = 3 + tonumber(ARGV[9])
  for i = 4, #KEYS do
    local members = redis.call('ZRANGEBYSCORE', KEYS[i], horizon, '+inf', 'WITHSCORES')
    for j = 1, #members, 2 do
      local member, score = members[j], tonumber(members[j + 1])
      local other_id = string.sub(member, 18)
      if other_id ~= doc_id and (oldest == nil or score < oldest)
          and hamming(string.sub(member, 1, 16), fingerprint) <= max_distance then
        duplicate_of, oldest = other_id, score
      end
    end
  end
  for i = 4, own_buckets do
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', horizon)
    redis.call('ZADD', KEYS[i], now, fingerprint .. ':' .. doc_id)
    redis.call('EXPIRE', KEYS[i], ARGV[8])
  end
end

local record = ARGV[5]
if duplicate_of ~= '' then
  -- Inside JSON strings every quote is escaped, so this unescaped key can only be the record's own field.
  local at, stop = string.find(record, '"duplicate_of":null', 1, true)
  record = string.sub(record, 1, at - 1) .. '"duplicate_of":' .. cjson.encode(duplicate_of) .. string.sub(record, stop + 1)
end

redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
  'doc_id', doc_id, 'schema_version', ARGV[4], 'type', 'document', 'data', record)
for i = 10, #ARGV, 2 do
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], '*',
    'doc_id', doc_id, 'event_id', ARGV[i], 'schema_version', ARGV[4], 'type', 'event', 'data', ARGV[i + 1])
end
return {1, duplicate_of}
