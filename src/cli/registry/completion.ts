import type { Command } from '@commander-js/extra-typings';
import type { Command as UntypedCommand } from 'commander';

const INSTALL = `
Install it once (docs/completion.md has the details):
  bash        adr-wizard completion bash > ~/.local/share/bash-completion/completions/adr-wizard
              (loaded by the bash-completion package; without it, source the file from ~/.bashrc)
  zsh         adr-wizard completion zsh > ~/.zfunc/_adr-wizard
              with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc
  fish        adr-wizard completion fish > ~/.config/fish/completions/adr-wizard.fish
  powershell  adr-wizard completion powershell > ~/adr-wizard.ps1; add ". ~/adr-wizard.ps1" to $PROFILE
Or for this shell only:
  bash, zsh   source <(adr-wizard completion bash)   (zsh: source <(adr-wizard completion zsh), after compinit)
  fish        adr-wizard completion fish | source
  powershell  adr-wizard completion powershell | Out-String | Invoke-Expression
Each TAB runs adr-wizard: install it (npm install -g adr-wizard) rather than going through npx,
whose start-up every TAB would wait for.`;

// Shell completion: `completion <shell>` prints the script; the script calls the hidden
// `complete -- <words>` on each TAB. Both are loaded only when run.
export function registerCompletionCommands(program: Command): void {
  program
    .command('completion')
    .description('print the TAB-completion script for bash, zsh, fish or powershell')
    .argument('<shell>', 'bash, zsh, fish or powershell')
    .addHelpText('after', INSTALL)
    .action(async (shell) => {
      const { run } = await import('../commands/completion.js');
      run(shell);
    });

  program
    .command('complete', { hidden: true })
    .description('the completions of a command line, for the completion scripts: complete -- <words>')
    .argument('[words...]', 'the words typed after adr-wizard; the last one is being completed')
    .allowUnknownOption()
    .action(async (words) => {
      const { run } = await import('../commands/complete.js');
      // Completion reads the program as commander builds it, whatever the typings say of each command.
      await run(program as unknown as UntypedCommand, words);
    });
}
