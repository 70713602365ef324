/**
 * The languages reports and plots are written in, and the locale each formats numbers in.
 * @module
 */

/** A language the report and the plots can be written in. */
export type ReportLanguage = 'da' | 'en';

/** Every language, in the order the CLI lists them. */
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['da', 'en'];

/** The number-formatting locale of each language (Danish: decimal comma, "." between thousands). */
export const LOCALES: Readonly<Record<ReportLanguage, string>> = { da: 'da-DK', en: 'en-GB' };
