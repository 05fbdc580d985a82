import { z } from 'zod';
import { Id } from '@core/primitives';

/**
 * Settings that belong to this PC, not to the book: who is using it and how it looks. The
 * book itself (customers, invoices, members) lives in the renderer's IndexedDB.
 *
 * This file is free of Node imports on purpose: the renderer type-checks `AppRouter`, whose
 * types reach this file, under a browser-only tsconfig.
 */

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/**
 * The stored shape. A plain (non-strict) object: keys written by a newer version are dropped
 * rather than making the whole file invalid after a downgrade.
 */
export const DeviceSettings = z.object({
  /** The member (an id from the book) using this PC; null until someone picks themselves. */
  currentMemberId: Id.nullable(),
  theme: Theme,
  /** Start Rateback (in the tray, with the watch running) when the user logs in. Electron only. */
  startAtLogin: z.boolean().default(false),
});
export type DeviceSettings = z.infer<typeof DeviceSettings>;

export const DEFAULT_DEVICE_SETTINGS: Readonly<DeviceSettings> = Object.freeze({
  currentMemberId: null,
  theme: 'system',
  startAtLogin: false,
});

/** What a caller may change: any subset, and nothing unknown (a typo is an error, not a no-op). */
export const DeviceSettingsPatch = z.strictObject({
  currentMemberId: Id.nullable().optional(),
  theme: Theme.optional(),
  startAtLogin: z.boolean().optional(),
});
export type DeviceSettingsPatch = z.infer<typeof DeviceSettingsPatch>;

/** Applies a patch; a key that is absent or undefined keeps its current value. */
export function applySettingsPatch(current: DeviceSettings, patch: DeviceSettingsPatch): DeviceSettings {
  return {
    currentMemberId: patch.currentMemberId === undefined ? current.currentMemberId : patch.currentMemberId,
    theme: patch.theme ?? current.theme,
    startAtLogin: patch.startAtLogin ?? current.startAtLogin,
  };
}

export interface SettingsStore {
  get(): Promise<DeviceSettings>;
  /** Applies the patch, saves it, tells `changes` listeners, and returns the new settings. */
  update(patch: DeviceSettingsPatch): Promise<DeviceSettings>;
  /**
   * Every saved change from the moment of the call until `signal` aborts. Listening starts
   * at the call, not at the first `next()`, so a caller can read the current value after
   * subscribing without missing a change in between.
   */
  changes(signal?: AbortSignal): AsyncIterable<DeviceSettings>;
}
