/** The coach's view of one trajectory between sessions: timeline, progress series, skip and pause. */
import { signal } from '@preact/signals';
import type { ProgressSeries, Timeline, TimelineItem, TouchpointSettings, TouchpointSettingsPatch } from '../../../shared/protocol';

/** The API v1 calls the view makes (`/api/engagements/:id/timeline`, `/progress`, `/touchpoints`, `/api/touchpoints/:id/skip`). */
export type TrajectoryApi = {
  timeline(engagementId: string): Promise<Timeline>;
  progress(engagementId: string): Promise<ProgressSeries>;
  skip(touchpointId: string): Promise<TimelineItem>;
  patchSettings(engagementId: string, patch: TouchpointSettingsPatch): Promise<TouchpointSettings>;
  /** `GET /api/engagements/:id/touchpoints`; optional (without it the settings form stays closed). */
  settings?(engagementId: string): Promise<TouchpointSettings>;
};

/** The model of one trajectory. */
export function createTrajectory(api: TrajectoryApi, engagementId: string) {
  const timeline = signal<Timeline | null>(null);
  const progress = signal<ProgressSeries | null>(null);
  const status = signal<'loading' | 'ready' | 'failed'>('loading');
  const busy = signal<string | null>(null);
  const settings = signal<TouchpointSettings | null>(null);
  const saved = signal<'idle' | 'saved' | 'error'>('idle');
  const load = async (): Promise<void> => {
    try {
      const [t, p] = await Promise.all([api.timeline(engagementId), api.progress(engagementId)]);
      timeline.value = t;
      progress.value = p;
      if (api.settings) settings.value = await api.settings(engagementId);
      status.value = 'ready';
    } catch {
      status.value = 'failed';
    }
  };
  return {
    timeline,
    progress,
    status,
    busy,
    settings,
    saved,
    load,
    /** Saves what changed in the settings form; the server replans at once, so the timeline is reloaded. */
    async saveSettings(patch: TouchpointSettingsPatch): Promise<void> {
      busy.value = 'settings';
      try {
        settings.value = await api.patchSettings(engagementId, patch);
        saved.value = 'saved';
        await load();
      } catch {
        saved.value = 'error';
      } finally {
        busy.value = null;
      }
    },
    async skip(id: string): Promise<void> {
      busy.value = id;
      try {
        await api.skip(id);
        await load();
      } finally {
        busy.value = null;
      }
    },
    async setPaused(paused: boolean): Promise<void> {
      busy.value = 'pause';
      try {
        await api.patchSettings(engagementId, { paused });
        await load();
      } finally {
        busy.value = null;
      }
    },
  };
}

/** The trajectory model. */
export type TrajectoryModel = ReturnType<typeof createTrajectory>;
