import { afterEach, describe, expect, it } from 'vitest';
import { applyEmbeddedCommandDefaults } from './local-defaults';

const saved = { PORT: process.env.PORT, APP_URL: process.env.APP_URL };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('one-off commands (npm run staff) on the embedded default', () => {
  it('link to the port `npm start` serves on when PORT is not the default, as `npm start` does', () => {
    delete process.env.APP_URL;
    process.env.PORT = '3456';
    applyEmbeddedCommandDefaults();
    expect(process.env.APP_URL).toBe('http://localhost:3456');
  });

  it('keep an APP_URL that is set', () => {
    process.env.APP_URL = 'https://privacy.example.com';
    process.env.PORT = '3456';
    applyEmbeddedCommandDefaults();
    expect(process.env.APP_URL).toBe('https://privacy.example.com');
  });
});
