/** The `xliff` package ships no types; the tests use it as an independent XLIFF 1.2 reader. */
declare module 'xliff' {
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<
      string,
      Record<string, { source: unknown; target?: unknown; note?: string; additionalAttributes?: Record<string, string> }>
    >;
  }
  export function xliff12ToJs(xml: string, options?: unknown): Promise<XliffJs>;
}
