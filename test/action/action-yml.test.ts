import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { actionYml } from './harness.js';

describe('action.yml', () => {
  const yml = actionYml();

  it('runs dist/index.js on node24', () => {
    expect(yml.using).toBe('node24');
    expect(yml.main).toBe('dist/index.js');
  });

  it('declares exactly the inputs the action reads', () => {
    const read = new Set<string>();
    readInputs({
      get: (name) => {
        read.add(name);
        return '';
      },
      getBoolean: () => true,
    });
    expect([...read].sort()).toEqual(Object.keys(yml.inputs).sort());
  });

  it('its defaults are the ones the action applies when an input is empty', () => {
    const source = (get: (name: string) => string) => ({ get, getBoolean: (name: string) => get(name) === 'true' });
    const fromYml = readInputs(source((name) => (name === 'token' ? 't' : (yml.inputs[name] ?? ''))));
    const fromEmpty = readInputs(source((name) => (name === 'token' ? 't' : '')));
    expect(fromYml).toEqual(fromEmpty);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as action.yml spells it
    expect(yml.inputs.token).toBe('${{ github.token }}');
  });
});
