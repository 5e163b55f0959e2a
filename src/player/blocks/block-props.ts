/** What every block view gets: where it is, and the key of its strings. */
export interface BlockProps {
  moduleId: string;
  pageId: string;
  /** The i18n key of one of the block's strings: `<module>:pages.<page>.blocks.<block>.<field>`. */
  blockKey(field: string): string;
}
