// Types of the Samtykke JS API. `SamtykkeConfig` is generated from the Rust config types
// (through the JSON Schema) into config.d.ts, so it cannot drift from what the engine reads.
import type { SamtykkeConfig } from './config';
export type { SamtykkeConfig } from './config';

/** The four consent categories. `necessary` is always granted. */
export type Category = 'necessary' | 'preferences' | 'statistics' | 'marketing';

/** How a choice was given. */
export type Method = 'accept-all' | 'reject-all' | 'custom' | 'gpc';

/** The choice in force, as `getConsent()` returns it. */
export interface ConsentRecord {
  /** Format version of the record. */
  v: 1;
  /** Random id of this choice (UUID v4). */
  id: string;
  /** Granted categories, always with `necessary`. */
  categories: Category[];
  /**
   * The services that are on (by config name): of each granted category, those the visitor
   * did not turn off, and all of `necessary`'s.
   */
  services: string[];
  /** The config `revision` the choice was made under. */
  revision: number;
  /** When it was given, ms since the epoch. */
  givenAt: number;
  /** When it stops being valid, ms since the epoch. */
  expiresAt: number;
  /** Language the banner was shown in. */
  language: string;
  method: Method;
  /**
   * The host that kept the choice in a cookie only it should read (no `cookie.domain`), so
   * that a sibling subdomain's cookie of the same name is not taken for this page's choice.
   */
  host?: string;
}

/** The `detail` of each event (also dispatched on `window` as `samtykke:<event>`). */
export interface EventDetails {
  ready: { consent: ConsentRecord | null };
  consent: ConsentRecord;
  /** The categories and the services that were granted before or after, not both. */
  change: { categories: Category[]; services: string[]; consent: ConsentRecord | null };
}

/** What `accept` grants beyond the categories it is given. */
export interface AcceptOptions {
  /**
   * The services to grant (by config name), exactly: each grants its category too, and a
   * category none of whose services is listed counts as refused. Without it, every service
   * of the accepted categories is granted.
   */
  services?: string[];
}

export interface InitOptions {
  /** CSP nonce for the Google tag scripts Samtykke inserts. */
  nonce?: string;
  /**
   * URL of a stylesheet to apply before the banner or a dialog shows (the script tag passes
   * its samtykke.dialogs.css). Apps that import `samtykke/samtykke.css` need none.
   */
  stylesheet?: string;
  /**
   * URL of the stylesheet of the preferences dialog and the notice, applied before either
   * shows (the script tag passes its samtykke.ui.css, which loads with the UI module). Apps
   * that import `samtykke/samtykke.css` need none.
   */
  uiStylesheet?: string;
}

/**
 * Fetches and compiles the engine ahead of `init` (optional), for example while the config
 * loads. `init` then starts the engine loaded here.
 */
export function preload(): Promise<unknown>;
/**
 * Loads the engine and starts with `config` (an object or JSON text). Call once. Given a
 * promise of a config (an app that fetches it first), Google is told at once that nothing is
 * granted, and nothing else runs until the promise resolves.
 */
export function init(
  config: SamtykkeConfig | string | null | PromiseLike<SamtykkeConfig | string | null>,
  options?: InitOptions,
): Promise<void>;
// Each of these returns a promise that settles once the call took effect: at once while the
// full engine runs; on a returning visit, once the full engine has taken over from the
// returning engine (a page that navigates right after a choice should wait for it).
/** Shows the first layer. */
export function show(): Promise<void>;
/** Hides the banner or the dialog. */
export function hide(): Promise<void>;
/** Opens the preferences dialog. */
export function showPreferences(): Promise<void>;
/** Grants every category. */
export function acceptAll(): Promise<void>;
/** Refuses everything but `necessary`. */
export function rejectAll(): Promise<void>;
/**
 * Grants exactly these categories (and `necessary`), each with all its services; with
 * `options.services`, exactly the services listed there (see `AcceptOptions`).
 */
export function accept(categories: Category[], options?: AcceptOptions): Promise<void>;
/** Whether `category` is granted now. */
export function isAccepted(category: Category): boolean;
/** The choice in force, or `null`. */
export function getConsent(): ConsentRecord | null;
/** Forgets the choice; the banner asks again. */
export function reset(): Promise<void>;
/** Switches the language of the texts. */
export function setLanguage(code: string): Promise<void>;
/**
 * Where the choice is kept: `localStorage`, `cookie` or `memory` (this page only, when the
 * browser refuses both), and `none` until the engine runs.
 */
export function storageKind(): 'localStorage' | 'cookie' | 'memory' | 'none';
/** Listens to an event; returns a function that stops listening. */
export function on<E extends keyof EventDetails>(event: E, callback: (detail: EventDetails[E]) => void): () => void;

/**
 * `window.samtykke`, as the script tag's loader sets it: the same functions as the module
 * (without `preload`). Calls made before the engine runs are queued.
 */
export interface SamtykkeApi {
  /** Gives the config, on a page that declares none; after the engine has started, ignored. */
  init: (config: SamtykkeConfig | string | null) => void;
  on: typeof on;
  show: typeof show;
  hide: typeof hide;
  showPreferences: typeof showPreferences;
  acceptAll: typeof acceptAll;
  rejectAll: typeof rejectAll;
  accept: typeof accept;
  reset: typeof reset;
  setLanguage: typeof setLanguage;
  isAccepted: typeof isAccepted;
  getConsent: typeof getConsent;
  storageKind: typeof storageKind;
}

declare global {
  interface Window {
    /** Samtykke's API, set by the script tag's loader (samtykke.js). */
    samtykke: SamtykkeApi;
  }
}
