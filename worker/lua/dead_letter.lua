-- Dead-letter one document once: a redelivered batch that fails again adds no second entry.
-- KEYS[1] dead-letter marker, KEYS[2] dead stream
-- ARGV[1] doc_id, ARGV[2] marker ttl, ARGV[3] MAXLEN, ARGV[4] schema_version, ARGV[5] stage, ARGV[6] record JSON
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  return 0
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
  'doc_id', ARGV[1], 'schema_version', ARGV[4], 'type', 'dead_letter', 'stage', ARGV[5], 'data', ARGV[6])
return 1
