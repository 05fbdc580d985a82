import { DeviceSettingsPatch, type DeviceSettings } from '../services/device-settings';
import { publicProcedure, router } from './trpc';

/** Names the fields that leave main, so a field added to the store is not exposed by accident. */
function toOutput(settings: DeviceSettings): DeviceSettings {
  return { currentMemberId: settings.currentMemberId, theme: settings.theme, startAtLogin: settings.startAtLogin };
}

/** This PC's settings: who is using it and its theme (the book lives in IndexedDB). */
export const settingsRouter = router({
  get: publicProcedure.query(async ({ ctx }) => toOutput(await ctx.settings.get())),

  update: publicProcedure
    .input(DeviceSettingsPatch)
    .mutation(async ({ ctx, input }) => toOutput(await ctx.settings.update(input))),

  /**
   * The current settings, then every change: another window or browser tab that changes the
   * theme or the current member is followed at once.
   */
  changes: publicProcedure.subscription(async function* ({ ctx, signal }) {
    // Subscribe before reading, so a change made in between is not missed.
    const updates = ctx.settings.changes(signal);
    yield toOutput(await ctx.settings.get());
    for await (const settings of updates) yield toOutput(settings);
  }),
});
