-- Publish one processed document atomically: exactly once per doc_id, with its events, and with
-- `duplicate_of` filled when a near-identical fingerprint was published before.
--
-- The worker has read the near-duplicate index already (worker/near_duplicates.py, which also describes the
-- layout) and passes what it found; this script re-checks only the documents indexed since that read, then
-- indexes this one. Comparing the index entries here in Lua cost Redis milliseconds per document once the
-- index filled up; what is left is a few fixed-size reads and writes.
--
-- KEYS[1]  processed marker (newswire:done:<doc_id>)
-- KEYS[2]  documents stream
-- KEYS[3]  events stream
-- KEYS[4]  near-duplicate band index (hash)
-- KEYS[5]  near-duplicate sequence (counter of indexed documents)
-- KEYS[6]  recently indexed documents (list, newest first: "<fingerprint> <time> <doc_id>")
-- KEYS[7]  owner key of this document's fingerprint
-- KEYS[8]  owner key of the earlier fingerprint the worker found (KEYS[7] again when it found none)
-- ARGV[1]  doc_id
-- ARGV[2]  marker ttl (seconds)
-- ARGV[3]  approximate MAXLEN of each stream
-- ARGV[4]  schema_version
-- ARGV[5]  document record JSON, holding `"duplicate_of":null`
-- ARGV[6]  fingerprint (16 hex digits), or "" to skip near-duplicate detection
-- ARGV[7]  largest Hamming distance that counts as a near duplicate
-- ARGV[8]  fingerprint retention (seconds)
-- ARGV[9]  the sequence the worker read the index at
-- ARGV[10] "1" when the worker found an earlier near fingerprint (its owner is KEYS[8]), else "0"
-- ARGV[11] entries kept per band field
-- ARGV[12] recently indexed documents kept
-- ARGV[13..] event_id, event JSON, event_id, event JSON, ...
-- Returns {1, duplicate_of or ""} when published, {0, ""} when the document was published before, and
-- {2, ""} when more documents were indexed since the worker's read than the recent list keeps: read again.

local BANDS, ENTRY_DIGITS = 4, 24  -- must match worker/near_duplicates.py (a test checks it)

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
local read_sequence, recent_kept = tonumber(ARGV[9]), tonumber(ARGV[12])
local first_event = 13

if fingerprint ~= '' and tonumber(redis.call('GET', KEYS[5]) or '0') - read_sequence > recent_kept then
  return {2, ''}  -- before the marker: a document published already says so after its next read
end
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  return {0, ''}
end

-- The distance of "<16 hex digits>..." at `at` in `text` from this document's fingerprint.
local high = fingerprint ~= '' and tonumber(string.sub(fingerprint, 1, 8), 16) or 0
local low = fingerprint ~= '' and tonumber(string.sub(fingerprint, 9, 16), 16) or 0
local function distance(text, at)
  return popcount32(bit.bxor(tonumber(string.sub(text, at, at + 7), 16), high))
    + popcount32(bit.bxor(tonumber(string.sub(text, at + 8, at + 15), 16), low))
end

local duplicate_of = ''
if fingerprint ~= '' then
  local now = tonumber(redis.call('TIME')[1])
  local horizon = now - tonumber(ARGV[8])
  local retention = ARGV[8]
  if ARGV[10] == '1' then
    local owner = redis.call('GET', KEYS[8])
    if owner and owner ~= doc_id then
      duplicate_of = owner
    end
  end
  local sequence = redis.call('INCR', KEYS[5])
  local missed = sequence - 1 - read_sequence
  if duplicate_of == '' and missed > 0 then
    -- Newest first, and the oldest near one is the original: walk from the end.
    local recent = redis.call('LRANGE', KEYS[6], 0, missed - 1)
    for i = #recent, 1, -1 do
      local entry = recent[i]
      if distance(entry, 1) <= tonumber(ARGV[7]) then
        local gap = string.find(entry, ' ', 18, true)
        local other = string.sub(entry, gap + 1)
        if tonumber(string.sub(entry, 18, gap - 1)) >= horizon and other ~= doc_id then
          duplicate_of = other
          break
        end
      end
    end
  end
  -- Index under the own bands: the new entry first, the oldest beyond the limit dropped. Expired entries
  -- are skipped by the reader and pushed out by newer ones.
  local fields = {}
  for band = 0, BANDS - 1 do
    fields[band + 1] = band .. ':' .. string.sub(fingerprint, band * 4 + 1, band * 4 + 4)
  end
  local old = redis.call('HMGET', KEYS[4], unpack(fields))
  local entry = fingerprint .. string.format('%08x', now)
  local keep = (tonumber(ARGV[11]) - 1) * ENTRY_DIGITS
  local updates = {}
  for i = 1, BANDS do
    updates[#updates + 1] = fields[i]
    updates[#updates + 1] = entry .. string.sub(old[i] or '', 1, keep)
  end
  redis.call('HSET', KEYS[4], unpack(updates))
  redis.call('SET', KEYS[7], doc_id, 'NX', 'EX', retention)
  redis.call('LPUSH', KEYS[6], fingerprint .. ' ' .. now .. ' ' .. doc_id)
  -- Every call costs Redis microseconds: the list is trimmed, and the shared keys' lifetimes (which only
  -- matter once publishing stops) are renewed, every 64th document; the list never holds more than
  -- recent_kept + 63 entries.
  if sequence % 64 == 1 then
    redis.call('LTRIM', KEYS[6], 0, recent_kept - 1)
    redis.call('EXPIRE', KEYS[6], retention)
    redis.call('EXPIRE', KEYS[4], retention)
    redis.call('EXPIRE', KEYS[5], retention)
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
for i = first_event, #ARGV, 2 do
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], '*',
    'doc_id', doc_id, 'event_id', ARGV[i], 'schema_version', ARGV[4], 'type', 'event', 'data', ARGV[i + 1])
end
return {1, duplicate_of}
