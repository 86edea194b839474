#!/usr/bin/env node
// The log-secrets check: greps the JSON logs of a test run for credentials and personal data that
// must never be logged (API keys, webhook secrets, bearer tokens and JWTs, emails, postal addresses,
// unredacted secret-bearing fields). Exits 1 and prints where, with the match masked.
//   node scripts/check-log-secrets.mjs DIR...     check every *.log file under DIR
//   node scripts/check-log-secrets.mjs --self-test  prove each rule catches what it is for
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What must never appear in a log line. */
export const RULES = [
  { name: 'secret API key', re: /\bsk_(?:live|test|demo|op)_[A-Za-z0-9_]{4,}/ },
  { name: 'publishable API key', re: /\bpk_(?:live|test|demo)_[A-Za-z0-9_]{4,}/ },
  { name: 'webhook signing secret', re: /\bwhsec_[A-Za-z0-9]{8,}/ },
  { name: 'bearer token', re: /\bBearer\s+[A-Za-z0-9._~+/-]{12,}/i },
  { name: 'JWT', re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { name: 'email address', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/ },
  {
    name: 'postal address field',
    re: /"(?:line1|line2|postal_code|street|address1)"\s*:\s*"(?!\[redacted\])/,
  },
  {
    name: 'secret-bearing field',
    re: /"(?:password|secret|access_token|api_key|apiKey|authorization|x-api-key|x-order-token|id_token|refresh_token)"\s*:\s*"(?!\[redacted\])/i,
  },
];

function* logFiles(path) {
  const st = statSync(path);
  if (st.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path)) yield* logFiles(join(path, entry));
}

const mask = (s) => (s.length <= 8 ? '*'.repeat(s.length) : `${s.slice(0, 6)}…(${s.length} chars)`);

/** The findings in some text: rule name, line number, masked match. */
export function scan(text) {
  const findings = [];
  text.split('\n').forEach((line, i) => {
    for (const rule of RULES) {
      const m = rule.re.exec(line);
      if (m) findings.push({ rule: rule.name, line: i + 1, match: mask(m[0]) });
    }
  });
  return findings;
}

function selfTest() {
  const planted = [
    '{"msg":"key","key":"sk_live_3kFz9QxY2mWp"}',
    '{"msg":"op key sk_op_AbCdEf12"}',
    '{"msg":"storefront pk_live_Zx81Qwer"}',
    '{"msg":"secret whsec_0123456789abcdef"}',
    '{"msg":"auth","h":"Bearer abcdefghijklmnop1234"}',
    '{"msg":"t eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2ln"}',
    '{"msg":"buyer","who":"buyer@example.com"}',
    '{"shipping":{"line1":"Heidestraße 17"}}',
    '{"x-api-key":"whatever"}',
  ];
  let failed = 0;
  planted.forEach((line, i) => {
    const caught = scan(line).map((f) => f.rule);
    if (caught.length === 0) {
      failed++;
      console.error(`self-test: line ${i + 1} was not caught: ${line}`);
    }
  });
  const clean =
    '{"level":"info","service":"souk-api","request_id":"r1","operation":"checkoutStoreCart","key":"[redacted]","email":"[redacted]","msg":"request"}';
  if (scan(clean).length > 0) {
    failed++;
    console.error(`self-test: a clean line was flagged: ${JSON.stringify(scan(clean))}`);
  }
  if (failed) process.exit(1);
  console.log(`log-secrets self-test: ${planted.length} planted secrets caught, a redacted line passes`);
}

if (process.argv[2] === '--self-test') {
  selfTest();
} else {
  const roots = process.argv.slice(2);
  if (roots.length === 0) {
    console.error('usage: check-log-secrets.mjs DIR... | --self-test');
    process.exit(2);
  }
  let files = 0;
  let lines = 0;
  const findings = [];
  for (const root of roots) {
    for (const file of logFiles(root)) {
      if (!file.endsWith('.log')) continue;
      files++;
      const text = readFileSync(file, 'utf8');
      lines += text.split('\n').length - 1;
      for (const f of scan(text)) findings.push({ file, ...f });
    }
  }
  if (files === 0 || lines === 0) {
    console.error(`log-secrets: no log lines under ${roots.join(', ')}: nothing was checked`);
    process.exit(1);
  }
  if (findings.length > 0) {
    for (const f of findings.slice(0, 50)) console.error(`${f.file}:${f.line}: ${f.rule}: ${f.match}`);
    console.error(`log-secrets: ${findings.length} finding(s) in ${files} file(s), ${lines} lines`);
    process.exit(1);
  }
  console.log(
    `log-secrets: ${lines} log lines in ${files} file(s), no secrets, keys, tokens, emails or addresses`,
  );
}
