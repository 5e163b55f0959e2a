/** Small helpers shared by the version adapters. */
export const choiceKeysOrEmpty = (keys: readonly string[] | undefined): readonly string[] => keys ?? [];

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
