import { describe, expect, it } from 'vitest';
import {
  blobUrl,
  codeSpan,
  COMMENT_MARKER,
  escapeMarkdown,
  renderMarkdown,
  type AgreementView,
} from '../../src/report/markdown.js';
import { finding, HEAD, missingReport, report } from '../action/reports.js';

const REPO_URL = 'https://github.com/falcosecurity/libs';

/** What a hostile PR can put in a C identifier, a comment-derived message or a file name. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  COMMENT_MARKER,
  '<!-- driver-semver:version-suggestion -->',
  '@octocat and @falcosecurity/maintainers',
  'a | b | c',
  'line one\nline two\r\n### heading',
  '```suggestion\n0.0.0\n```',
  '[click](javascript:alert(1)) ![img](https://evil.example/x.png)',
  '**bold** _it_ ~~strike~~ `code`',
  '&lt;script&gt; &#64;octocat',
  '<details><summary>x</summary>',
].join(' ');

describe('escapeMarkdown', () => {
  it('backslash-escapes markdown and HTML punctuation', () => {
    expect(escapeMarkdown('a*b_c[d](e)<f>|g`h#i&j!k~l\\m')).toBe(
      'a\\*b\\_c\\[d\\]\\(e\\)\\<f\\>\\|g\\`h\\#i\\&j\\!k\\~l\\\\m',
    );
  });

  it('turns line breaks into spaces and drops control characters', () => {
    expect(escapeMarkdown('a\nb\r\nc\rd\u2028e\u0000f\u001bg')).toBe('a b c d efg');
  });

  it('breaks @-mentions with a zero-width space', () => {
    expect(escapeMarkdown('@octocat')).toBe('@&#8203;octocat');
    expect(escapeMarkdown('ping @org/team')).toBe('ping @&#8203;org\\/team');
  });

  it('leaves letters, digits, spaces and non-ASCII alone', () => {
    expect(escapeMarkdown('PPME 42 → é')).toBe('PPME 42 → é');
  });
});

describe('renderMarkdown: untrusted strings', () => {
  const hostile = report({
    schema: {
      required: 'minor',
      suggested: '2.5.0',
      status: 'missing',
      reasons: [HOSTILE],
      fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0' }],
    },
    findings: [finding({ message: HOSTILE, location: { path: 'driver/<b>evil</b> (x)|@me.c', line: 3 } })],
    warnings: [{ path: 'driver/x.c', message: HOSTILE, incomplete: true }],
    verdict: 'fail',
  });
  const md = renderMarkdown(hostile, { repoUrl: REPO_URL, marker: true });
  const lines = md.split('\n');
  // Outside code spans: what markdown and HTML read. A span's fence is a run of backticks no run inside matches.
  const prose = md.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
  const spans = [...md.matchAll(/(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g)].map((m) => m[2]!);

  it('has the hidden marker exactly once, as the first line', () => {
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(md.split('<!--').length - 1).toBe(1);
    expect(md).not.toContain('driver-semver:version-suggestion -->');
  });

  it('lets no raw HTML through: every < from the PR is escaped', () => {
    // Our own markup: <sub>, </sub>; nothing else may open a tag.
    const tags = prose.match(/(?<!\\)<[a-zA-Z!/][^>]*>?/g) ?? [];
    expect(tags.filter((t) => !/^<\/?sub>$/.test(t) && t !== COMMENT_MARKER)).toEqual([]);
  });

  it('mentions no one and links nowhere the PR chose', () => {
    expect(prose).not.toMatch(/(^|[^;])@[a-z]/m);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toMatch(/!\[img\]\(https:\/\/evil/);
  });

  it('keeps each finding on one line and does not break the table or open a code block', () => {
    const item = lines.find((l) => l.startsWith('- [`driver'))!;
    expect(item).toBeDefined();
    expect(item).toContain('line one line two');
    // The version table keeps its two rows of six cells: no pipe from the PR reaches it.
    expect(lines.filter((l) => l.startsWith('| `driver/')).map((l) => l.match(/(?<!\\)\|/g)!.length)).toEqual([7, 7]);
    expect(lines.filter((l) => /^\s*```/.test(l))).toEqual(['  ```', '  ```']);
    expect(lines.some((l) => l.startsWith('### heading'))).toBe(false);
  });

  it('shows identifiers, quoted names and paths as code spans that nothing inside can close', () => {
    const r = report({
      schema: { status: 'missing', required: 'minor' },
      findings: [
        finding({
          message: "PPME_X_E gains param 2 'a`b``c<!--@user|x' (PT_UINT32)\nnext",
          location: { path: 'driver/event_table.c', line: 4 },
        }),
      ],
      verdict: 'fail',
    });
    const item = renderMarkdown(r, { repoUrl: REPO_URL })
      .split('\n')
      .find((l) => l.includes('PPME_X_E'))!;
    expect(item).toBe(
      `- [\`driver/event_table.c:4\`](${REPO_URL}/blob/${HEAD}/driver/event_table.c#L4) \`PPME_X_E\` gains param 2 \`\`\`a\`b\`\`c<!--@user|x\`\`\` \\(\`PT_UINT32\`\\) next (\`event-param-appended\`)`,
    );
  });

  it('hostile text is escaped, or inside a code span that stays on its line', () => {
    // (Fenced blocks, our own, start with a line break.)
    for (const s of spans.filter((x) => !x.startsWith('\n'))) expect(s).not.toMatch(/\n/);
    expect(md).toContain('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
  });

  it('percent-encodes the path in the link to the line', () => {
    expect(md).toContain(`(${REPO_URL}/blob/${HEAD}/driver/%3Cb%3Eevil%3C/b%3E%20%28x%29%7C%40me.c#L3)`);
  });
});

describe('renderMarkdown: content', () => {
  it('shows the verdict per version file, the suggested versions and the exact new first line', () => {
    const md = renderMarkdown(missingReport(), { repoUrl: REPO_URL });
    expect(md).toContain('### ❌ driver-semver: SCHEMA_VERSION needs attention');
    expect(md).toContain('| `driver/SCHEMA_VERSION` | `2.4.0` (unchanged) | none | **minor** | `2.5.0` | ❌ missing |');
    expect(md).toContain('| `driver/API_VERSION` | `3.1.0` (unchanged) | none | none | `3.1.0` | ✅ ok |');
    expect(md).toContain(
      '- Set `driver/SCHEMA_VERSION` to `2.5.0` (the changes need a minor bump from `2.4.0`). Its first line should read:\n\n  ```\n  2.5.0\n  ```\n',
    );
    expect(md).not.toContain(COMMENT_MARKER);
  });

  it('groups findings by version and bump, largest bump first, each linked to its line at the head commit', () => {
    const r = report({
      schema: { required: 'major', suggested: '3.0.0', status: 'missing' },
      api: { required: 'patch', suggested: '3.1.1', status: 'missing' },
      findings: [
        finding({ message: 'minor one', location: { path: 'driver/event_table.c', line: 5 } }),
        finding({
          rule: 'api-thing',
          governs: 'api',
          bump: 'patch',
          message: 'api patch',
          location: { path: 'driver/ppm_events_public.h', line: 9 },
        }),
        finding({ rule: 'event-removed', bump: 'major', message: 'major one', location: null }),
        finding({
          rule: 'event-nparams-mismatch',
          bump: 'none',
          kind: 'invalid',
          message: 'table broken',
          location: { path: 'driver/event_table.c', line: 7 },
        }),
        finding({ rule: 'a-note', kind: 'note', bump: 'none', message: 'just saying', location: null }),
      ],
      verdict: 'fail',
    });
    const md = renderMarkdown(r, { repoUrl: REPO_URL });
    const order = [
      '**SCHEMA_VERSION: major bump** (1)',
      '- major one (`event-removed`)',
      '**SCHEMA_VERSION: minor bump** (1)',
      `- [\`driver/event_table.c:5\`](${REPO_URL}/blob/${HEAD}/driver/event_table.c#L5) minor one`,
      '**SCHEMA_VERSION: table problems** (1)',
      '**API_VERSION: patch bump** (1)',
      `(${REPO_URL}/blob/${HEAD}/driver/ppm_events_public.h#L9) api patch (\`api-thing\`)`,
      '<summary>Notes (informative, no bump)</summary>',
      '- just saying (`a-note`)',
    ];
    let at = -1;
    for (const s of order) {
      const i = md.indexOf(s);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
  });

  it('without a repository URL or a head commit, shows locations as text', () => {
    expect(renderMarkdown(missingReport())).toContain(
      '- `driver/event_table.c:17` `PPME_SYSCALL_OPEN_X` gains param 4 `mode` \\(`PT_UINT32`\\)',
    );
    const worktree = missingReport({ head: { rev: 'worktree', commit: null } });
    expect(renderMarkdown(worktree, { repoUrl: REPO_URL })).not.toContain('/blob/');
  });

  it('the headline follows fail-on: a wrong version that does not fail the check is a warning', () => {
    expect(renderMarkdown(missingReport(), { failing: { schema: false } })).toMatch(
      /^### ⚠️ driver-semver: SCHEMA_VERSION needs attention$/m,
    );
    expect(renderMarkdown(missingReport(), { failing: { schema: true } })).toMatch(
      /^### ❌ driver-semver: SCHEMA_VERSION needs attention$/m,
    );
    const both = report({ schema: { status: 'missing' }, api: { status: 'too-small' }, verdict: 'fail' });
    expect(renderMarkdown(both)).toMatch(/^### ❌ driver-semver: SCHEMA_VERSION and API_VERSION need attention$/m);
    const incomplete = report({
      warnings: [{ path: 'driver/a.h', message: 'unreadable', incomplete: true }],
      verdict: 'warn',
    });
    expect(renderMarkdown(incomplete)).toMatch(/^### ⚠️ driver-semver: the driver versions look right, with warnings$/m);
  });

  it('says so when the PR is clean', () => {
    const md = renderMarkdown(
      report({ schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' } }),
      { repoUrl: REPO_URL, marker: true },
    );
    expect(md).toContain('### ✅ driver-semver: the driver versions match the changes');
    expect(md).toContain('| `driver/SCHEMA_VERSION` | `2.4.0` → `2.5.0` | **minor** | **minor** | `2.5.0` | ✅ ok |');
    expect(md).toContain('Nothing: the version files match the driver changes.');
  });

  it('explains an unexplained bump and an invalid file, and warns on incomplete analysis', () => {
    const r = report({
      schema: {
        declared: 'minor',
        head: '2.5.0',
        status: 'unexplained',
        reasons: ['SCHEMA_VERSION was bumped (minor) but no schema change was found'],
      },
      api: {
        head: null,
        status: 'invalid',
        suggested: '3.1.0',
        reasons: ["driver/API_VERSION at HEAD: first line 'x' is not a MAJOR.MINOR.PATCH version"],
      },
      warnings: [{ path: 'driver/big.h', message: 'driver/big.h is too large to read', incomplete: true }],
      verdict: 'fail',
    });
    const md = renderMarkdown(r);
    expect(md).toContain(
      '- `driver/SCHEMA_VERSION` was bumped (minor) but driver-semver found no schema change: keep the bump if it is for a change driver-semver does not model (say which in the PR), or set it back to `2.4.0`.',
    );
    expect(md).toContain(
      '- Fix `driver/API_VERSION`: `driver/API_VERSION` at HEAD\\: first line `x` is not a MAJOR\\.MINOR\\.PATCH version',
    );
    expect(md).toContain('#### Warnings\n\n- `driver/big.h` is too large to read (not covered by this verdict)');
    expect(md).toContain('| `driver/API_VERSION` | `3.1.0` → ? | none | none | `3.1.0` | ❌ invalid |');
  });

  it('never puts a value that could close the fence in a code block', () => {
    const r = report({
      schema: { required: 'minor', suggested: '2.5.0\n```\n@x', status: 'missing' },
      verdict: 'fail',
    });
    const md = renderMarkdown(r);
    expect(md).not.toMatch(/^\s*```/m);
    expect(md).toContain('2\\.5\\.0 \\`\\`\\` @&#8203;x');
  });

  it('tells the author to rebase when the base branch moved the version', () => {
    const r = report({
      schema: {
        declared: 'minor',
        required: 'minor',
        head: '2.5.0',
        baseTip: '2.5.0',
        suggested: '2.6.0',
        reasons: ['rebase'],
      },
    });
    expect(renderMarkdown(r)).toContain(
      '- The base branch moved `driver/SCHEMA_VERSION` to `2.5.0` since this branch forked: rebase, then set it to `2.6.0`.',
    );
  });

  it('lists at most maxFindings findings and says how many more there are', () => {
    const many = missingReport({ findings: Array.from({ length: 12 }, (_, i) => finding({ message: `change ${i}` })) });
    const md = renderMarkdown(many, { maxFindings: 5 });
    expect(md.match(/^- `driver/gm)).toHaveLength(5);
    expect(md).toContain('… and 7 more findings: see the job summary or the JSON report.');
    expect(md).toContain('**SCHEMA_VERSION: minor bump** (12)');
  });

  it("stays under GitHub's comment limit with many long findings at the default cap", () => {
    const many = missingReport({
      findings: Array.from({ length: 5000 }, (_, i) => finding({ message: `${'x'.repeat(150)} ${i}` })),
    });
    expect(renderMarkdown(many, { repoUrl: REPO_URL, marker: true, maxFindings: 150 }).length).toBeLessThan(65_536);
  });

  it('links the workflow run in the footer, and only a plain http(s) URL', () => {
    expect(renderMarkdown(report(), { runUrl: 'https://github.com/o/r/actions/runs/1' })).toContain(
      '· [workflow run](https://github.com/o/r/actions/runs/1)</sub>',
    );
    expect(renderMarkdown(report(), { runUrl: 'javascript:alert(1)' })).not.toContain('workflow run');
  });
});

describe('renderMarkdown: the PR body agreement', () => {
  const agreement = (a: Partial<AgreementView> = {}): AgreementView => ({
    stated: true,
    versions: {
      schema: { body: 'patch', file: 'minor', detected: 'minor', agree: false },
      api: { body: 'none', file: 'none', detected: 'none', agree: true },
    },
    problems: ['the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump'],
    ...a,
  });

  it('shows the three sources side by side, the disagreement, and the line to declare', () => {
    const r = report({ schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' } });
    const md = renderMarkdown(r, { agreement: agreement() });
    expect(md).toContain('### ⚠️ driver-semver: the driver versions look right, with warnings');
    expect(md).toContain(
      '| Version | PR body | Version file | Detected | |\n| --- | --- | --- | --- | --- |\n| SCHEMA_VERSION | patch | minor | minor | ⚠️ |\n| API_VERSION | none | none | none | ✅ |',
    );
    expect(md).toContain('- ⚠️ the PR body declares a patch `SCHEMA_VERSION` bump\\, but the changes need a minor bump');
    expect(md).toContain(
      '- In the PR body, declare `/version driver-SCHEMA-version-minor` instead of `/version driver-SCHEMA-version-patch`.',
    );
    expect(renderMarkdown(r, { agreement: agreement(), disagreementFails: true })).toContain(
      '### ❌ driver-semver: the PR body disagrees with the changes',
    );
  });

  it('asks to remove a declaration nothing needs, and to add one when the body states nothing', () => {
    const extra = agreement({
      versions: {
        schema: { body: 'minor', file: 'none', detected: 'none', agree: false },
        api: { body: 'none', file: 'none', detected: 'none', agree: true },
      },
    });
    expect(renderMarkdown(report(), { agreement: extra })).toContain(
      '- In the PR body, remove `/version driver-SCHEMA-version-minor`: no SCHEMA_VERSION bump is needed.',
    );
    const silent = agreement({
      stated: false,
      problems: [],
      versions: {
        schema: { body: null, file: 'none', detected: 'minor', agree: false },
        api: { body: null, file: 'none', detected: 'none', agree: true },
      },
    });
    const md = renderMarkdown(missingReport(), { agreement: silent });
    expect(md).toContain('- Declare it in the PR body: `/version driver-SCHEMA-version-minor`');
    expect(md).not.toContain('#### PR body, version files and changes');
  });
});

describe('blobUrl', () => {
  it('builds https://github.com/OWNER/REPO/blob/SHA/path#Lline', () => {
    expect(blobUrl('https://github.com/o/r/', HEAD, 'driver/bpf/fillers.h', 12)).toBe(
      `https://github.com/o/r/blob/${HEAD}/driver/bpf/fillers.h#L12`,
    );
    expect(blobUrl('https://github.com/o/r', HEAD, 'a b/c#d?.c', null)).toBe(
      `https://github.com/o/r/blob/${HEAD}/a%20b/c%23d%3F.c`,
    );
  });
});

describe('codeSpan', () => {
  it('fences with one backtick more than the longest run inside, padding text that starts or ends with a backtick or a space', () => {
    expect(codeSpan('a')).toBe('`a`');
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('`a')).toBe('`` `a ``');
    expect(codeSpan('a`')).toBe('`` a` ``');
    expect(codeSpan(' a')).toBe('`  a `');
    expect(codeSpan('a ')).toBe('` a  `');
    expect(codeSpan('')).toBe('`  `');
  });

  it('keeps the span on one line and drops control characters', () => {
    expect(codeSpan('a\nb\r\nc\u2028d')).toBe('`a b c d`');
    expect(codeSpan('a\u0007b\u001bc')).toBe('`abc`');
  });
});

describe('renderMarkdown: fix steps', () => {
  const withFixes = (fixes: Array<{ file: string; line: number; text: string }>) =>
    renderMarkdown(
      report({ schema: { required: 'major', suggested: '3.0.0', status: 'missing', fixes }, verdict: 'fail' }),
    );

  it("the version file's first line is set to a version; another line, or another file, is replaced as a whole, in a code block", () => {
    const md = withFixes([
      { file: 'driver/SCHEMA_VERSION', line: 1, text: '3.0.0' },
      {
        file: 'userspace/libscap/scap.h',
        line: 3,
        text: '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(3, 0, 0)',
      },
    ]);
    expect(md).toContain(
      '- Set `driver/SCHEMA_VERSION` to `3.0.0` (the changes need a major bump from `2.4.0`). Its first line should read:\n\n  ```\n  3.0.0\n  ```\n',
    );
    expect(md).toContain(
      "- Set line 3 of `userspace/libscap/scap.h` (libscap accepts only a driver whose SCHEMA_VERSION major equals this minimum's) to:\n\n  ```\n  #define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(3, 0, 0)\n  ```\n",
    );
    expect(withFixes([{ file: 'driver/SCHEMA_VERSION', line: 2, text: 'x' }])).toContain(
      '- Set line 2 of `driver/SCHEMA_VERSION` (the changes need a major bump from `2.4.0`) to:',
    );
    expect(withFixes([{ file: 'driver/OTHER', line: 1, text: 'x' }])).toContain(
      "- Set line 1 of `driver/OTHER` (libscap accepts only a driver whose SCHEMA_VERSION major equals this minimum's) to:",
    );
  });

  it('a text with a backtick at either end is shown escaped, never in a code block', () => {
    for (const text of ['`3.0.0', '3.0.0`']) {
      const md = withFixes([{ file: 'driver/SCHEMA_VERSION', line: 1, text }]);
      expect(md).not.toMatch(/^\s*```/m);
      expect(md).toContain(
        `- Set \`driver/SCHEMA_VERSION\` to ${escapeMarkdown(text)} (the changes need a major bump from \`2.4.0\`). Its first line should read:\n`,
      );
    }
  });
});
