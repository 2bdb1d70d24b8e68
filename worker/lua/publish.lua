-- Publish one processed document atomically: exactly once per doc_id, with its events, and with
-- `duplicate_of` filled when a near-identical fingerprint was published before.
--
-- KEYS[1]  processed marker (newswire:done:<doc_id>)
-- KEYS[2]  documents stream
-- KEYS[3]  events stream
-- KEYS[4]  near-duplicate index: one hash, field "<band>:<band value>" -> entries "<fingerprint> <time> <doc_id>\n"
-- ARGV[1]  doc_id
-- ARGV[2]  marker ttl (seconds)
-- ARGV[3]  approximate MAXLEN of each stream
-- ARGV[4]  schema_version
-- ARGV[5]  document record JSON, holding `"duplicate_of":null`
-- ARGV[6]  fingerprint (16 hex digits), or "" to skip near-duplicate detection
-- ARGV[7]  largest Hamming distance that counts as a near duplicate
-- ARGV[8]  fingerprint retention (seconds)
-- ARGV[9..] event_id, event JSON, event_id, event JSON, ...
-- Returns {1, duplicate_of or ""} when published, {0, ""} when the document was published before.
-- One HMGET and one HSET per document keep the script short: each redis.call costs microseconds.

if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  return {0, ''}
end

local MAX_ENTRIES_PER_FIELD = 32
local BANDS, BAND_BITS = 4, 16  -- must match worker.stages.enrich.fingerprint (a test checks it)

-- The index fields of a fingerprint: its own 4 bands first, then every band value one bit away from them.
-- With 4 bands, two fingerprints within 7 bits have a band at most 1 bit apart: that probe finds it.
local function index_fields(fp)
  local fields = {}
  local values = {}
  for band = 0, BANDS - 1 do
    local value = tonumber(string.sub(fp, band * 4 + 1, band * 4 + 4), 16)
    values[band] = value
    fields[#fields + 1] = string.format('%d:%04x', band, value)
  end
  for band = 0, BANDS - 1 do
    for b = 0, BAND_BITS - 1 do
      fields[#fields + 1] = string.format('%d:%04x', band, bit.bxor(values[band], bit.lshift(1, b)))
    end
  end
  return fields
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
local first_event = 9
local duplicate_of = ''

if fingerprint ~= '' then
  local now = tonumber(redis.call('TIME')[1])
  local horizon = now - tonumber(ARGV[8])
  local max_distance = tonumber(ARGV[7])
  local fields = index_fields(fingerprint)
  local values = redis.call('HMGET', KEYS[4], unpack(fields))
  local oldest = nil
  for _, value in ipairs(values) do
    if value then
      for fp, seen, other in string.gmatch(value, '(%x+) (%d+) (%S+)\n') do
        seen = tonumber(seen)
        if seen >= horizon and other ~= doc_id and (oldest == nil or seen < oldest)
            and hamming(fp, fingerprint) <= max_distance then
          duplicate_of, oldest = other, seen
        end
      end
    end
  end
  -- Index under the own bands, dropping expired entries and keeping the newest few per field.
  local updates = {}
  local entry = fingerprint .. ' ' .. now .. ' ' .. doc_id .. '\n'
  for i = 1, BANDS do
    local kept, n = {entry}, 1
    local value = values[i]
    if value then
      for old in string.gmatch(value, '%x+ %d+ %S+\n') do
        if n >= MAX_ENTRIES_PER_FIELD then break end
        if tonumber(string.match(old, '^%x+ (%d+)')) >= horizon then
          kept[#kept + 1] = old
          n = n + 1
        end
      end
    end
    updates[#updates + 1] = fields[i]
    updates[#updates + 1] = table.concat(kept)
  end
  redis.call('HSET', KEYS[4], unpack(updates))
  redis.call('EXPIRE', KEYS[4], ARGV[8])
end

local record = ARGV[5]
if duplicate_of ~= '' then
  -- Inside JSON strings every quote is escaped, so this unescaped key can only be the record's own field.
  local at, stop = string.find(record, '"duplicate_of":null', 1, true)
  record = string.sub(record, 1, at - 1) .. '"duplicate_of":' .. cjson.encode(duplicate_of) .. string.sub(record, stop + 1)
end

redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
  'doc_id', doc_id, 'schema_version', ARGV[4], 'type', 'document', 'data', record)
for i = first_event, #ARGV, 2 do
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], '*',
    'doc_id', doc_id, 'event_id', ARGV[i], 'schema_version', ARGV[4], 'type', 'event', 'data', ARGV[i + 1])
end
return {1, duplicate_of}
