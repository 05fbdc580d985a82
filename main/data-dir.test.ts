import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('uses RATEBACK_DATA_DIR when set, on any platform', () => {
    expect(resolveDataDir({ env: { RATEBACK_DATA_DIR: '/tmp/rb' }, platform: 'linux', homedir: '/home/ann' })).toBe('/tmp/rb');
    expect(resolveDataDir({ env: { RATEBACK_DATA_DIR: 'D:\\Rateback' }, platform: 'win32', homedir: 'C:\\Users\\ann' })).toBe('D:\\Rateback');
  });

  it('ignores an empty RATEBACK_DATA_DIR', () => {
    expect(resolveDataDir({ env: { RATEBACK_DATA_DIR: ' ' }, platform: 'linux', homedir: '/home/ann' })).toBe('/home/ann/.local/share/rateback');
  });

  it('uses %APPDATA%\\Rateback on Windows, or the roaming folder under the profile without it', () => {
    const env = { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' };
    expect(resolveDataDir({ env, platform: 'win32', homedir: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\Rateback');
    expect(resolveDataDir({ env: {}, platform: 'win32', homedir: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\Rateback');
  });

  it('uses ~/Library/Application Support/Rateback on macOS', () => {
    expect(resolveDataDir({ env: {}, platform: 'darwin', homedir: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Rateback');
  });

  it('uses $XDG_DATA_HOME/rateback on Linux, or ~/.local/share/rateback', () => {
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', homedir: '/home/ann' })).toBe('/data/rateback');
    expect(resolveDataDir({ env: {}, platform: 'linux', homedir: '/home/ann' })).toBe('/home/ann/.local/share/rateback');
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec says', () => {
    expect(resolveDataDir({ env: { XDG_DATA_HOME: 'data' }, platform: 'linux', homedir: '/home/ann' })).toBe('/home/ann/.local/share/rateback');
  });
});
