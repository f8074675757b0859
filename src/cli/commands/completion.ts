// `adr-wizard completion <shell>`: the completion script, written by @bomb.sh/tab. Each TAB runs
// the hidden `adr-wizard complete -- <words>` (commands/complete.ts) that the script calls.
import { script } from '@bomb.sh/tab';
import { didYouMean } from '../../core/did-you-mean.js';
import { InternalError, UsageError } from '../../core/errors.js';
import { SHELLS } from '../option-values.js';

const NAME = 'adr-wizard';

export function run(shell: string): void {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`unknown shell "${shell}"${didYouMean(shell, SHELLS)}; use ${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`);
  }
  process.stdout.write(`${completionScript(shell as (typeof SHELLS)[number])}\n`);
}

/**
 * tab's script for `shell`, with what a word holding `=` needs (`--set scale=<TAB>`, `--lang=<TAB>`):
 * bash cuts each reply to the text after the word's last `=` or `:` (readline replaces only that),
 * matches `--flag=` values after the `=`, works without the bash-completion package and completes
 * paths where adr-wizard takes a file; fish and zsh take only a leading `--flag=` as a flag prefix
 * (not the `-size=` inside `team-size=`), and zsh keeps a colon inside a value (`Amends:3`).
 */
function completionScript(shell: (typeof SHELLS)[number]): string {
  const text = tabScript(shell);
  switch (shell) {
    case 'bash':
      return patch(
        patch(
          patch(text, '    _get_comp_words_by_ref -n "=:" cur prev words cword\n', BASH_WORDS),
          '    COMPREPLY=( $(compgen -W "${completions[*]}" -- "$cur") )\n',
          BASH_REPLIES,
        ),
        'complete -F __adr_wizard_complete adr-wizard',
        'complete -o default -F __adr_wizard_complete adr-wizard',
      );
    case 'zsh':
      return patch(
        // _describe splits value from description at the first colon not escaped as `\:`.
        patch(text, 'comp=${comp//:/\\:}', 'comp=${comp//:/\\\\:}'),
        `if [[ "\${lastParam}" =~ '-.*=' ]]; then`,
        `if [[ "\${lastParam}" =~ '^-[^=]*=' ]]; then`,
      );
    case 'fish':
      return patch(text, `(string match -r -- '-.*=' "$lastArg")`, `(string match -r -- '^-[^=]*=' "$lastArg")`);
    case 'powershell':
      return text;
  }
}

function tabScript(shell: string): string {
  // tab prints the script; it is taken from console.log to be adjusted first.
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    script(shell, NAME, NAME);
  } finally {
    console.log = log;
  }
  return lines.join('\n').trimEnd();
}

function patch(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new InternalError(`the completion script of @bomb.sh/tab has changed: "${from.trim()}" not found`);
  return text.replace(from, () => to);
}

const BASH_WORDS = `    if declare -F _get_comp_words_by_ref >/dev/null; then
        _get_comp_words_by_ref -n "=:" cur prev words cword
    else
        # Without the bash-completion package: the words before the cursor, split on blanks
        local line=\${COMP_LINE:0:COMP_POINT}
        read -r -a words <<< "$line"
        cur=\${words[\${#words[@]}-1]}
        if [[ -z $line || $line == *[[:blank:]] ]]; then
            cur=""
            words+=("")
        fi
        cword=$(( \${#words[@]} - 1 ))
    fi
`;

const BASH_REPLIES = `    # "--flag=<TAB>" is answered with bare values: they are matched against the text after "="
    local flag=""
    [[ $cur == -*=* ]] && flag=\${cur%%=*}=
    COMPREPLY=( $(compgen -W "\${completions[*]}" -- "\${cur#"$flag"}") )
    # Readline replaces only the text after the word's last COMP_WORDBREAKS character ("=" or
    # ":"): each reply keeps what follows it
    local breaks=\${COMP_WORDBREAKS//[^=:]/} lead="" i
    if [[ -n $breaks && $cur == *["$breaks"]* ]]; then
        lead=\${cur%"\${cur##*["$breaks"]}"}
    fi
    for i in "\${!COMPREPLY[@]}"; do
        COMPREPLY[i]=\${flag}\${COMPREPLY[i]}
        COMPREPLY[i]=\${COMPREPLY[i]#"$lead"}
    done
`;
