/**
 * YAML parse errors in an administrator's terms. The parser's own words ("Unexpected block-seq-ind on
 * same line with key") say what the grammar saw, not what the user wrote or how to fix it. Messages
 * name the line and column but never quote the line: it may hold a password.
 */
export interface YamlProblem {
  /** The `yaml` library's error code (`MULTIPLE_DOCS`, `TAB_AS_INDENT`, …). */
  code: string;
  /** The parser's message, used when no explanation below fits. */
  message: string;
  line: number;
  col: number;
}

/** One explanation of a parse error, without the file name and position. */
export function explainYamlError(problem: YamlProblem, text: string): string {
  const previous = text
    .split(/\r?\n/)
    .slice(0, problem.line - 1)
    .reverse()
    .find((l) => /^(\.\.\.|---)\s*(#.*)?$/.test(l));
  switch (problem.code) {
    case 'MULTIPLE_DOCS': {
      const marker = previous?.startsWith('...') ? '`...`' : '`---`';
      return `a ${marker} line before line ${problem.line} ends the YAML document, so the keys after it form a second document, which Quay cannot load: remove that line (or comment it out)`;
    }
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML indents with spaces only';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a value contains ": ", which starts a nested mapping on the same line as its key: quote the value (KEY: "a: b"), or put the nested keys on their own indented lines';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a line has no "KEY: value" form (a key without a colon, or a value that runs onto the next line): add the colon, or quote the value';
    case 'BAD_INDENT':
      return /flow/i.test(problem.message)
        ? 'a [list] or {mapping} is not closed with its ] or }, or its continuation lines are not indented'
        : 'the keys of one mapping do not start at the same column: indent them alike (with spaces)';
    case 'MISSING_CHAR':
      return /quote/i.test(problem.message) ? "a quoted value is not closed: add the closing quote (inside single quotes, write '' for a quote)" : 'a key is not followed by ": value"';
    case 'BAD_SCALAR_START': {
      const ch = /character (\S)/.exec(problem.message)?.[1] ?? '@';
      return `a value starts with ${ch}, which YAML reserves: quote the value (KEY: "${ch}…")`;
    }
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line with key/.test(problem.message)) {
        return '"- " right after a key starts a list on the same line, which YAML does not allow: put each list item on its own line ("KEY:" then "  - item"), or quote the value if the dash belongs to it (KEY: "- x")';
      }
      if (/scalar at node end/.test(problem.message)) {
        return "text follows a quoted value: inside single quotes write '' for a quote, or use double quotes";
      }
      if (/flow-(map|seq)-end/.test(problem.message)) return 'a closing } or ] has no matching opening one';
      return 'unexpected text for YAML here: quote the value if it contains special characters (: # { } [ ] , & * ! | > \' " % @ `)';
    default:
      return firstLine(problem.message);
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}
