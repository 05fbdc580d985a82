import { describe, expect, it } from 'vitest';
import { checkRequest, loopbackHosts } from './request-guard';

const allowed = loopbackHosts(4780);
const base = { host: '127.0.0.1:4780', origin: undefined, secFetchSite: undefined, isApi: true };

describe('checkRequest', () => {
  it('allows our own host, with or without our own origin', () => {
    expect(checkRequest(base, allowed)).toEqual({ ok: true });
    expect(checkRequest({ ...base, host: 'localhost:4780', origin: 'http://localhost:4780' }, allowed)).toEqual({ ok: true });
    expect(checkRequest({ ...base, origin: 'http://127.0.0.1:4780', secFetchSite: 'same-origin' }, allowed)).toEqual({ ok: true });
  });

  it('refuses another Host (DNS rebinding) with 421', () => {
    expect(checkRequest({ ...base, host: 'evil.example:4780' }, allowed)).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest({ ...base, host: '127.0.0.1:9999' }, allowed)).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest({ ...base, host: undefined }, allowed)).toMatchObject({ ok: false, status: 421 });
  });

  it('refuses another origin, including another local port and "null"', () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:8080', 'null', 'https://127.0.0.1:4780']) {
      expect(checkRequest({ ...base, origin }, allowed)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses cross-site API calls but lets a cross-site link open the app', () => {
    expect(checkRequest({ ...base, secFetchSite: 'cross-site' }, allowed)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, isApi: false, secFetchSite: 'cross-site' }, allowed)).toEqual({ ok: true });
  });
});
