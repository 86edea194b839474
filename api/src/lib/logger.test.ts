import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { requestScope } from './scope.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return {
    lines,
    destination: destination as unknown as NodeJS.WritableStream & { write(s: string): boolean },
  };
}

describe('createLogger', () => {
  it('json: one JSON object a line with the level by name, the service and the request id', () => {
    const out = capture();
    const logger = createLogger('info', { format: 'json', destination: out.destination });
    requestScope.run({ requestId: 'req-1' }, () => logger.info({ orders: 2 }, 'checkout done'));
    logger.debug('below the level');
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0] ?? '')).toMatchObject({
      level: 'info',
      service: 'souk-api',
      request_id: 'req-1',
      orders: 2,
      msg: 'checkout done',
    });
  });

  it('pretty: one readable line with time, level, message and fields, and no JSON', () => {
    const out = capture();
    const logger = createLogger('info', { format: 'pretty', destination: out.destination });
    requestScope.run({ requestId: 'req-2' }, () => logger.warn({ orders: 3 }, 'slow checkout'));
    expect(out.lines).toHaveLength(1);
    const line = stripVTControlCharacters(out.lines[0] ?? ''); // colours, when the terminal has them
    expect(line).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: slow checkout \{"request_id":"req-2","orders":3\}$/,
    );
    expect(() => JSON.parse(line)).toThrow();
  });
});
