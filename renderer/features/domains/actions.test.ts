import { describe, expect, it } from 'vitest';
import type { DomainState } from '../../../shared/api';
import { ACTIONS, actionTestId, whyNot } from './actions';

const on = { hostConnected: true };
const allowed = (state: DomainState) => ACTIONS.filter((a) => whyNot(a.action, { state }, on) === null).map((a) => a.action);

describe('VM actions', () => {
  it('offers what applies to each state', () => {
    expect(allowed('running')).toEqual(['shutdown', 'reboot', 'reset', 'suspend', 'managedsave', 'nmi', 'destroy', 'console', 'delete']);
    expect(allowed('paused')).toEqual(['resume', 'managedsave', 'destroy', 'console', 'delete']);
    expect(allowed('shutoff')).toEqual(['start', 'console', 'delete']);
    expect(allowed('crashed')).toEqual(['start', 'destroy', 'console', 'delete']);
  });

  it('says why an action is disabled', () => {
    expect(whyNot('start', { state: 'running' }, on)).toBe('Already running');
    expect(whyNot('shutdown', { state: 'paused' }, on)).toMatch(/resume it first/);
    expect(whyNot('destroy', { state: 'shutoff' }, on)).toBe('Already shut off');
    expect(whyNot('console', { state: 'running' }, on)).toBeNull();
    expect(whyNot('console', { state: 'running' }, { hostConnected: false })).toBe('The host is not connected');
    expect(whyNot('start', { state: 'shutoff' }, { hostConnected: false })).toBe('The host is not connected');
    expect(whyNot('start', { state: 'shutoff' }, { hostConnected: true, pending: 'start' })).toBe('Busy: Start in progress');
  });

  it('has one unique hotkey per action, and cockpit-style test ids', () => {
    const keys = ACTIONS.map((a) => a.hotkey.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(actionTestId({ name: 'a "b" <c>', hostId: 'h-1' }, 'destroy')).toBe('vm-a "b" <c>-h-1-forceoff');
  });
});
