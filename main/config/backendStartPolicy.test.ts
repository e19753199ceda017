import { describe, expect, it } from 'vitest';
import { decideBackendStart, embeddedDemoBackendInUse } from './backendStartPolicy';

describe('decideBackendStart', () => {
  it('keeps the embedded backend for a developer checkout without a URL', () => {
    const start = decideBackendStart({ url: null, installed: false, trainingMode: false });
    expect(start).toEqual({ kind: 'embedded', reason: 'development' });
    expect(embeddedDemoBackendInUse(start)).toBe(true);
  });

  it('never starts the embedded backend for an installed workstation without training mode', () => {
    const start = decideBackendStart({ url: null, installed: true, trainingMode: false });
    expect(start).toEqual({ kind: 'not-configured' });
    expect(embeddedDemoBackendInUse(start)).toBe(false);
  });

  it('uses the configured backend whenever there is a URL', () => {
    expect(decideBackendStart({ url: 'https://e-lic.example', installed: true, trainingMode: false })).toEqual({ kind: 'configured', url: 'https://e-lic.example' });
    expect(decideBackendStart({ url: 'https://e-lic.example', installed: false, trainingMode: false })).toEqual({ kind: 'configured', url: 'https://e-lic.example' });
  });

  it('runs training mode on the embedded backend, installed or not', () => {
    expect(decideBackendStart({ url: null, installed: true, trainingMode: true })).toEqual({ kind: 'embedded', reason: 'training' });
    expect(decideBackendStart({ url: 'https://e-lic.example', installed: true, trainingMode: true })).toEqual({ kind: 'embedded', reason: 'training' });
  });
});
