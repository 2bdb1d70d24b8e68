-- Read the near-duplicate index for a batch of fingerprints; the worker compares the entries
-- (worker/near_duplicates.py, which describes the layout). One call per batch, one string per fingerprint:
-- the worker then neither packs 68 field names per document nor parses 68 replies.
--
-- KEYS[1]  near-duplicate band index (hash)
-- KEYS[2]  near-duplicate sequence (counter of indexed documents)
-- ARGV     fingerprints, 16 hex digits each
-- Returns {sequence, Redis time in seconds, entries under the probe fields of ARGV[1], of ARGV[2], ...}.

local BANDS, BAND_BITS = 4, 16  -- must match worker.stages.enrich.fingerprint (a test checks it)

local result = {tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('TIME')[1])}
for i = 1, #ARGV do
  local fingerprint = ARGV[i]
  -- Each band of 16 bits and every value one bit away from it: with 4 bands, two fingerprints within 7
  -- bits have a band at most 1 bit apart, so one of these fields holds every near-duplicate.
  local fields = {}
  for band = 0, BANDS - 1 do
    local digits = string.sub(fingerprint, band * 4 + 1, band * 4 + 4)
    local value = tonumber(digits, 16)
    fields[#fields + 1] = band .. ':' .. digits
    for b = 0, BAND_BITS - 1 do
      fields[#fields + 1] = string.format('%d:%04x', band, bit.bxor(value, bit.lshift(1, b)))
    end
  end
  local parts = {}
  for _, value in ipairs(redis.call('HMGET', KEYS[1], unpack(fields))) do
    if value then
      parts[#parts + 1] = value
    end
  end
  result[#result + 1] = table.concat(parts)
end
return result
