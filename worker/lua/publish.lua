-- Publish one processed document atomically: exactly once per doc_id, with its events, and with
-- `duplicate_of` filled when a near-identical fingerprint was published before.
--
-- KEYS[1]  processed marker (newswire:done:<doc_id>)
-- KEYS[2]  documents stream
-- KEYS[3]  events stream
-- KEYS[4]  near-duplicate index: one hash of binary fields and entries (layout in worker/near_duplicates.py)
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

local MAX_ENTRIES_PER_FIELD = 32  -- must match worker.near_duplicates (a test checks it)
local BANDS, BAND_BITS = 4, 16  -- must match worker.stages.enrich.fingerprint (a test checks it)
local HEAD = 17  -- entry head: fingerprint (8 bytes), indexed at (second 4, microsecond 3), doc_id length (2)

local byte, char, sub, bxor = string.byte, string.char, string.sub, bit.bxor
local floor = math.floor

-- Set bits of each byte value: a distance is 8 table look-ups, with no string made per entry.
local BITS = {[0] = 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4,
  4, 5, 1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6, 1, 2,
  2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6, 2, 3, 3, 4, 3, 4,
  4, 5, 3, 4, 4, 5, 4, 5, 5, 6, 3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7, 1, 2, 2, 3, 2, 3, 3, 4, 2, 3,
  3, 4, 3, 4, 4, 5, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5,
  5, 6, 3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6, 3, 4,
  4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7, 3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7, 4, 5, 5, 6, 5, 6,
  6, 7, 5, 6, 6, 7, 6, 7, 7, 8}

local doc_id, fingerprint = ARGV[1], ARGV[6]
local first_event = 9
local duplicate_of = ''

if fingerprint ~= '' then
  local time = redis.call('TIME')
  local now, micro = tonumber(time[1]), tonumber(time[2])
  local horizon = now - tonumber(ARGV[8])
  local max_distance = tonumber(ARGV[7])
  local o1, o2, o3, o4, o5, o6, o7, o8
  do
    local digits = {}
    for i = 1, 8 do
      digits[i] = tonumber(sub(fingerprint, 2 * i - 1, 2 * i), 16)
    end
    o1, o2, o3, o4, o5, o6, o7, o8 = unpack(digits)
  end
  local own = {o1, o2, o3, o4, o5, o6, o7, o8}

  -- The probe fields (layout in worker/near_duplicates.py): per band, its own value, then the values
  -- with bit 0 ... 15 flipped. With 4 bands, fingerprints within 7 bits have a band at most 1 bit apart.
  local fields = {}
  for band = 0, BANDS - 1 do
    local high, low = own[2 * band + 1], own[2 * band + 2]
    fields[#fields + 1] = char(band, high, low)
    for b = 0, 7 do
      fields[#fields + 1] = char(band, high, bxor(low, 2 ^ b))
    end
    for b = 0, 7 do
      fields[#fields + 1] = char(band, bxor(high, 2 ^ b), low)
    end
  end
  local values = redis.call('HMGET', KEYS[4], unpack(fields))

  -- The oldest entry within max_distance among a field's entries. The entries under a band's fields
  -- share (nearly) that band, so the half of the fingerprint without it is counted first: a far entry
  -- is skipped after 4 look-ups.
  local oldest = nil
  local function scan(value, band_in_first_half)
    local at, size = 1, #value
    while at + HEAD - 1 <= size do
      local a, b, c, d, e, f, g, h, t1, t2, t3, t4, u1, u2, u3, l1, l2 = byte(value, at, at + HEAD - 1)
      local distance
      if band_in_first_half then
        distance = BITS[bxor(e, o5)] + BITS[bxor(f, o6)] + BITS[bxor(g, o7)] + BITS[bxor(h, o8)]
        if distance <= max_distance then
          distance = distance + BITS[bxor(a, o1)] + BITS[bxor(b, o2)] + BITS[bxor(c, o3)] + BITS[bxor(d, o4)]
        end
      else
        distance = BITS[bxor(a, o1)] + BITS[bxor(b, o2)] + BITS[bxor(c, o3)] + BITS[bxor(d, o4)]
        if distance <= max_distance then
          distance = distance + BITS[bxor(e, o5)] + BITS[bxor(f, o6)] + BITS[bxor(g, o7)] + BITS[bxor(h, o8)]
        end
      end
      local next_at = at + HEAD + l1 * 256 + l2
      if distance <= max_distance then
        local seen = ((t1 * 256 + t2) * 256 + t3) * 256 + t4
        local order = seen * 1000000 + (u1 * 256 + u2) * 256 + u3  -- exact: below 2^53
        if seen >= horizon and (oldest == nil or order < oldest) then
          local other = sub(value, at + HEAD, next_at - 1)
          if other ~= doc_id then
            duplicate_of, oldest = other, order
          end
        end
      end
      at = next_at
    end
  end
  for i = 1, #fields do
    local value = values[i]
    if value then
      scan(value, i <= 2 * (BAND_BITS + 1))  -- bands 0 and 1 are the first 4 bytes
    end
  end

  -- Index under the own bands: this entry first, then the unexpired newest of the others (entries are
  -- newest first, as Redis TIME only moves on, so the first expired one ends the list).
  local entry = char(o1, o2, o3, o4, o5, o6, o7, o8)
    .. char(floor(now / 16777216) % 256, floor(now / 65536) % 256, floor(now / 256) % 256, now % 256)
    .. char(floor(micro / 65536), floor(micro / 256) % 256, micro % 256)
    .. char(floor(#doc_id / 256), #doc_id % 256) .. doc_id
  local updates = {}
  for band = 0, BANDS - 1 do
    local index = band * (BAND_BITS + 1) + 1
    local value = values[index]
    local kept = ''
    if value then
      local at, size, n = 1, #value, 0
      while at + HEAD - 1 <= size and n < MAX_ENTRIES_PER_FIELD - 1 do
        local t1, t2, t3, t4, u1, u2, u3, l1, l2 = byte(value, at + 8, at + HEAD - 1)
        if ((t1 * 256 + t2) * 256 + t3) * 256 + t4 < horizon then
          break
        end
        at = at + HEAD + l1 * 256 + l2
        n = n + 1
      end
      kept = sub(value, 1, at - 1)
    end
    updates[#updates + 1] = fields[index]
    updates[#updates + 1] = entry .. kept
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
