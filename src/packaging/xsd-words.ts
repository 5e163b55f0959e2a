/**
 * libxml2's schema errors in plain words, each sorted into what breaks an LMS and what only breaks
 * the letter of the schema. Authoring tools write manifests that LMSs have accepted for years but that
 * a strict validator refuses: Articulate Storyline, for one, writes identifiers that start with a
 * digit, which `xs:ID` and `xs:IDREF` forbid and no LMS cares about. Those are warnings; an element
 * where the schema allows none, a required element or attribute missing, or a value an LMS reads
 * (a number, an enumeration) that is not one, are failures.
 */
import { NS } from './schemas.ts';

export interface SchemaFinding {
  /** Only the letter of the schema: LMSs accept it. */
  letterOnly: boolean;
  /** What is wrong, in words, with its line. */
  text: string;
}

const PREFIX: Record<string, string> = {
  [NS.imscp]: '',
  [NS.imscp12]: '',
  [NS.adlcp]: 'adlcp:',
  [NS.adlcp12]: 'adlcp:',
  [NS.adlseq]: 'adlseq:',
  [NS.adlnav]: 'adlnav:',
  [NS.imsss]: 'imsss:',
  [NS.imsmd12]: 'imsmd:',
  [NS.lom]: 'lom:',
};

/** `{http://www.imsglobal.org/xsd/imsss}deliveryControls` -> `imsss:deliveryControls` */
function name(qualified: string): string {
  const m = /^\{([^}]*)\}(.+)$/.exec(qualified);
  if (!m) return qualified;
  return `${PREFIX[m[1]!] ?? `{${m[1]}}`}${m[2]}`;
}

const names = (list: string) =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('##other'))
    .map((s) => `<${name(s)}>`);

const orList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? 'something else') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** XML name types whose lexical rules LMSs do not enforce. */
const NAME_TYPES = new Set(['xs:ID', 'xs:IDREF', 'xs:IDREFS', 'xs:NCName', 'xs:NMTOKEN']);

function nameRule(value: string): string {
  if (/^\d/.test(value)) return 'starts with a digit';
  if (/^[-.]/.test(value)) return `starts with "${value[0]}"`;
  if (value.includes(':')) return 'contains a colon';
  return 'has a character an XML name cannot have';
}

export function explainSchemaError(raw: string): SchemaFinding {
  const lineMatch = /^line (\d+): /.exec(raw);
  const at = lineMatch ? `line ${lineMatch[1]}: ` : '';
  const message = lineMatch ? raw.slice(lineMatch[0].length) : raw;

  let m = /^Element '([^']+)', attribute '([^']+)': '([^']*)' is not a valid value of the atomic type '([^']+)'\.?$/.exec(message);
  if (m) {
    const [, el, attr, value, type] = m;
    const tag = `<${name(el!)} ${attr}="${value}">`;
    if (NAME_TYPES.has(type!) && value && !/\s/.test(value))
      return {
        letterOnly: true,
        text: `${at}${tag}: the value ${nameRule(value)}, which the schema's ${type} type does not allow; LMSs accept such ids (Storyline and other tools write them), only a strict validator refuses them`,
      };
    return { letterOnly: false, text: `${at}${tag}: not a valid ${type} value` };
  }
  m = /^Element '([^']+)', attribute '([^']+)': \[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{(.*)\}\.?$/.exec(
    message,
  );
  if (m) return { letterOnly: false, text: `${at}<${name(m[1]!)} ${m[2]}="${m[3]}">: must be one of ${m[4]!.replace(/'/g, '"')}` };
  m = /^Element '([^']+)': \[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{(.*)\}\.?$/.exec(message);
  if (m) return { letterOnly: false, text: `${at}<${name(m[1]!)}>${m[2]}</...>: must be one of ${m[3]!.replace(/'/g, '"')}` };
  m = /^Element '([^']+)': This element is not expected\.(?: Expected is (?:one of )?\( (.*) \)\.?)?$/.exec(message);
  if (m)
    return {
      letterOnly: false,
      text: `${at}<${name(m[1]!)}> is not allowed here${m[2] ? `: the schema expects ${orList(names(m[2]))}` : ''}`,
    };
  m = /^Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\.?$/.exec(message);
  if (m) return { letterOnly: false, text: `${at}<${name(m[1]!)}> lacks a required ${orList(names(m[2]!))}` };
  m = /^Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\.?$/.exec(message);
  if (m) return { letterOnly: false, text: `${at}<${name(m[1]!)}> may not have the attribute ${name(m[2]!)}` };
  m = /^Element '([^']+)': The attribute '([^']+)' is required but missing\.?$/.exec(message);
  if (m) return { letterOnly: false, text: `${at}<${name(m[1]!)}> lacks the required attribute ${name(m[2]!)}` };
  m = /^Element '([^']+)'(, attribute '([^']+)')?: (.*)$/.exec(message);
  if (m) return { letterOnly: false, text: `${at}<${name(m[1]!)}>${m[3] ? ` ${name(m[3])}` : ''}: ${m[4]}` };
  return { letterOnly: false, text: raw };
}
