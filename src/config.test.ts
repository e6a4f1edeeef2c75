import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('has working defaults: PGlite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('honours PORT and DATA_DIR', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/tarjotin-x' });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/tmp/tarjotin-x');
  });

  it('names the variable in each problem and lists them all', () => {
    expect(problems({ PORT: 'abc', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' })).toEqual([
      'PORT must be a whole number from 0 to 65535, got "abc"',
      'DATABASE_URL is not a valid URL',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
    expect(problems({ PORT: '70000' })).toEqual(['PORT must be a whole number from 0 to 65535, got "70000"']);
    expect(problems({ DATABASE_URL: 'mysql://x/y' })).toEqual(['DATABASE_URL must start with postgres:// or postgresql://']);
  });
});

describe('resident web configuration', () => {
  it('has no map unless MAP_TILE_URL is set, and checks the template', () => {
    expect(loadConfig({}).mapTileUrl).toBeUndefined();
    expect(loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' }).mapTileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(problems({ MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toEqual([
      'MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}',
    ]);
  });

  it('reads host-to-region pairs and names a malformed pair', () => {
    expect(loadConfig({ REGION_HOSTS: 'hyte.pirha.fi=pirkanmaa, Tray.Example:8080=ita-uusimaa' }).regionHosts).toEqual({
      'hyte.pirha.fi': 'pirkanmaa',
      'tray.example:8080': 'ita-uusimaa',
    });
    expect(problems({ REGION_HOSTS: 'pirkanmaa' })).toEqual(['REGION_HOSTS must be comma-separated host=region-slug pairs, got "pirkanmaa"']);
  });
});
