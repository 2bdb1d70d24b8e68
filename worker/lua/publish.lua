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

-- Bits set in a 32-bit value, counted in parallel within 2-, 4- and 8-bit lanes (SWAR): a dozen bit
-- operations instead of a loop per set bit. No multiplication: bit.* is exact only below 2^51.
local function popcount32(x)
  x = x - bit.band(bit.rshift(x, 1), 0x55555555)
  x = bit.band(x, 0x33333333) + bit.band(bit.rshift(x, 2), 0x33333333)
  x = bit.band(x + bit.rshift(x, 4), 0x0F0F0F0F)
  x = x + bit.rshift(x, 8)
  x = x + bit.rshift(x, 16)
  return bit.band(x, 0x3F)
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
  -- Entries are "<16 hex digits> <epoch seconds> <doc_id>\n". The distance is taken from the two
  -- 32-bit halves first, and only a near one has its time and doc_id read: most candidates are far.
  local high = tonumber(string.sub(fingerprint, 1, 8), 16)
  local low = tonumber(string.sub(fingerprint, 9, 16), 16)
  for _, value in ipairs(values) do
    if value then
      local at = 1
      local size = #value
      while at < size do
        local stop = string.find(value, '\n', at + 17, true)
        local distance = popcount32(bit.bxor(tonumber(string.sub(value, at, at + 7), 16), high))
          + popcount32(bit.bxor(tonumber(string.sub(value, at + 8, at + 15), 16), low))
        if distance <= max_distance then
          local gap = string.find(value, ' ', at + 17, true)
          local seen = tonumber(string.sub(value, at + 17, gap - 1))
          local other = string.sub(value, gap + 1, stop - 1)
          if seen >= horizon and other ~= doc_id and (oldest == nil or seen < oldest) then
            duplicate_of, oldest = other, seen
          end
        end
        at = stop + 1
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
