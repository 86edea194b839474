import type { ColumnType, JSONColumnType } from 'kysely';

export interface PluginProcessedEventsTable {
  plugin: string;
  event_id: string;
  processed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PluginDeadLettersTable {
  plugin: string;
  event_id: string;
  event_type: string;
  event: JSONColumnType<Record<string, unknown>>;
  error: string;
  attempts: number;
  failed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PluginTables {
  plugin_processed_events: PluginProcessedEventsTable;
  plugin_dead_letters: PluginDeadLettersTable;
}
