import { describe, expect, it } from 'vitest';
import { readCloudEnv } from './cloud-env';
import { isLocalNetworkHost, parseCloudUrl } from './cloud-url';

const typed = { allowPlainHttpAnywhere: false };

describe('cloud addresses', () => {
  it('normalises to origin and path without a trailing slash', () => {
    expect(parseCloudUrl(' https://Cloud.Example.com/ ', typed)).toEqual({ ok: true, url: 'https://cloud.example.com' });
    expect(parseCloudUrl('https://cloud.example.com:443/rateback//', typed)).toEqual({ ok: true, url: 'https://cloud.example.com/rateback' });
    expect(parseCloudUrl('http://127.0.0.1:4790', typed)).toEqual({ ok: true, url: 'http://127.0.0.1:4790' });
  });

  it('refuses what is not an http(s) address of a cloud', () => {
    for (const text of ['', 'cloud.example.com', 'ftp://cloud.example.com', 'javascript:alert(1)', 'https://me:pw@cloud.example.com', 'https://cloud.example.com/?a=1', 'https://cloud.example.com/#x']) {
      expect(parseCloudUrl(text, typed).ok).toBe(false);
    }
  });

  it('allows plain http only on this PC or the office network, unless the environment says so', () => {
    for (const ok of ['http://localhost:4790', 'http://192.168.1.20:4790', 'http://10.0.0.5', 'http://172.20.1.1', 'http://nas.local', 'http://[::1]:4790']) {
      expect(parseCloudUrl(ok, typed).ok).toBe(true);
    }
    for (const refused of ['http://cloud.example.com', 'http://172.32.0.1', 'http://8.8.8.8', 'http://192.168.1.300']) {
      expect(parseCloudUrl(refused, typed).ok).toBe(false);
    }
    expect(parseCloudUrl('http://cloud.example.com', { allowPlainHttpAnywhere: true }).ok).toBe(true);
    expect(isLocalNetworkHost('127.5.5.5')).toBe(true);
  });
});

describe('the cloud environment', () => {
  it('defaults to the local cloud on 4790', () => {
    expect(readCloudEnv({})).toEqual({ envUrl: null, localPort: 4790 });
    expect(readCloudEnv({ RATEBACK_CLOUD_URL: ' ', CLOUD_PORT: '' })).toEqual({ envUrl: null, localPort: 4790 });
  });

  it('reads RATEBACK_CLOUD_URL and CLOUD_PORT', () => {
    expect(readCloudEnv({ RATEBACK_CLOUD_URL: 'http://cloud.internal:8080/', CLOUD_PORT: '4800' })).toEqual({
      envUrl: 'http://cloud.internal:8080',
      localPort: 4800,
    });
  });

  it('stops the start on a bad value, naming the variable', () => {
    expect(() => readCloudEnv({ RATEBACK_CLOUD_URL: 'cloud.example.com' })).toThrow(/RATEBACK_CLOUD_URL/);
    for (const port of ['0', '70000', 'abc', '47.5']) expect(() => readCloudEnv({ CLOUD_PORT: port })).toThrow(/CLOUD_PORT/);
  });
});
