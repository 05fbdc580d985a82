import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_PORT, parseWebHostArgs } from './cli-args';

describe('parseWebHostArgs', () => {
  it('defaults to 4780', () => {
    expect(parseWebHostArgs([], {})).toEqual({ port: DEFAULT_WEB_PORT });
    expect(DEFAULT_WEB_PORT).toBe(4780);
  });

  it('reads --port N and --port=N, which win over PORT', () => {
    expect(parseWebHostArgs(['--port', '4781'], { PORT: '9000' })).toEqual({ port: 4781 });
    expect(parseWebHostArgs(['--port=0'], {})).toEqual({ port: 0 });
  });

  it('reads PORT when no flag is given', () => {
    expect(parseWebHostArgs([], { PORT: '5000' })).toEqual({ port: 5000 });
  });

  it.each([[['--port']], [['--port', 'abc']], [['--port', '70000']], [['--port=-1']], [['--port', '1e3']], [['--verbose']]])(
    'refuses %j with a printable message',
    (argv) => {
      expect(() => parseWebHostArgs(argv, {})).toThrow(/port|Unknown argument/);
    },
  );

  it('refuses a bad PORT', () => {
    expect(() => parseWebHostArgs([], { PORT: 'http' })).toThrow(/PORT must be a port number/);
  });
});
